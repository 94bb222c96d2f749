package dev.twilioconnector.bench;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The whole HTTP responses {@link LoopbackTwilioServer} writes, built once: Twilio's message JSON (as its API
 * reference shows it) for a Get and a Create, a page of {@link #PAGE_SIZE} of them in Twilio's paging envelope for a
 * List, and Twilio's 404 error for anything else.
 */
final class CannedTwilioResponses {

    static final int PAGE_SIZE = 50;

    private final String messagesPath;
    private final byte[] message;
    private final byte[] created;
    private final byte[] page;
    private final byte[] notFound;

    CannedTwilioResponses(String accountSid, String messageSid) {
        this.messagesPath = "/2010-04-01/Accounts/" + accountSid + "/Messages";
        this.message = response("200 OK", message(accountSid, messageSid, "delivered"));
        this.created = response("201 Created", message(accountSid, messageSid, "queued"));
        this.page = response("200 OK", page(accountSid));
        this.notFound = response("404 Not Found", "{\"code\":20404,\"message\":\"The requested resource was not found\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}");
    }

    /** The response to a request line such as {@code GET /2010-04-01/Accounts/AC.../Messages.json?PageSize=50 HTTP/1.1}. */
    byte[] answer(String requestLine) {
        String[] parts = requestLine.split(" ");
        String method = parts[0];
        String target = parts[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (path.equals(messagesPath + ".json")) {
            return method.equals("POST") ? created : page;
        }
        if (method.equals("GET") && path.startsWith(messagesPath + "/SM") && path.endsWith(".json")) {
            return message;
        }
        return notFound;
    }

    private static byte[] response(String status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Twilio-Request-Id: RQ0123456789abcdef0123456789abcdef\r\n"
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    private static String message(String accountSid, String sid, String status) {
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid;
        return "{\"account_sid\":\"" + accountSid + "\",\"api_version\":\"2010-04-01\","
                + "\"body\":\"McAvoy or Stewart? These timelines can get so confusing.\","
                + "\"date_created\":\"Thu, 24 Aug 2023 05:01:45 +0000\",\"date_sent\":\"Thu, 24 Aug 2023 05:01:46 +0000\","
                + "\"date_updated\":\"Thu, 24 Aug 2023 05:01:46 +0000\",\"direction\":\"outbound-api\","
                + "\"error_code\":null,\"error_message\":null,\"from\":\"+15017122661\","
                + "\"messaging_service_sid\":\"MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"num_media\":\"0\",\"num_segments\":\"1\","
                + "\"price\":\"-0.00750\",\"price_unit\":\"USD\",\"sid\":\"" + sid + "\",\"status\":\"" + status + "\","
                + "\"subresource_uris\":{\"media\":\"" + uri + "/Media.json\",\"feedback\":\"" + uri + "/Feedback.json\"},"
                + "\"to\":\"+15558675310\",\"uri\":\"" + uri + ".json\"}";
    }

    private String page(String accountSid) {
        StringJoiner messages = new StringJoiner(",", "[", "]");
        for (int i = 0; i < PAGE_SIZE; i++) {
            messages.add(message(accountSid, String.format("SM%032x", i + 1), "delivered"));
        }
        String base = messagesPath + ".json?PageSize=" + PAGE_SIZE;
        return "{\"end\":" + (PAGE_SIZE - 1) + ",\"first_page_uri\":\"" + base + "&Page=0\","
                + "\"messages\":" + messages + ","
                + "\"next_page_uri\":\"" + base + "&Page=1&PageToken=PASM" + String.format("%032x", PAGE_SIZE) + "\","
                + "\"page\":0,\"page_size\":" + PAGE_SIZE + ",\"previous_page_uri\":null,\"start\":0,"
                + "\"uri\":\"" + base + "&Page=0\"}";
    }
}
