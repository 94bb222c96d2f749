package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API as a test in another JVM uses it: plain HTTP without credentials. */
class AdminApiTest extends SandboxTestSupport {

    /** The admin API takes no credentials. */
    private static Http admin;

    @BeforeAll
    static void adminClient() {
        admin = new Http(sandbox.baseUrl(), null, null);
    }

    @Test
    void recordsPutThroughTheAdminApiAreListedByTheTwilioApi() {
        Http.Reply put = admin.json("POST", "/sandbox/records", """
                {"path": "Messages", "records": [
                  {"body": "one", "direction": "inbound", "from": "+15558675310", "date_sent": "2024-06-01T10:00:00Z"},
                  {"body": "two", "direction": "inbound", "from": "+15558675310", "date_sent": "2024-06-01T10:01:00Z"}
                ]}""");
        Http.Reply single = admin.json("POST", "/sandbox/records", """
                {"path": "Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Media", "records": {"content_type": "image/png"}}""");

        assertThat(put.status()).isEqualTo(201);
        List<Map<String, Object>> stored = records(put);
        assertThat(stored).extracting(m -> m.get("body")).containsExactly("one", "two");
        assertThat(stored).allSatisfy(m -> assertThat((String) m.get("sid")).startsWith("SM"))
                .allSatisfy(m -> assertThat(m).containsEntry("account_sid", sandbox.accountSid()));
        assertThat(stored.get(0)).containsEntry("date_sent", "Sat, 01 Jun 2024 10:00:00 +0000");
        assertThat(single.status()).isEqualTo(201);
        assertThat(records(single)).singleElement().satisfies(media -> assertThat(media)
                .containsEntry("content_type", "image/png")
                .containsEntry("parent_sid", "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));

        Map<String, Object> listed = http.get(Http.account(sandbox, "Messages.json?From=%2B15558675310")).json();
        assertThat(records(listed, "messages")).extracting(m -> m.get("sid"))
                .containsExactlyInAnyOrder(stored.get(0).get("sid"), stored.get(1).get("sid"));
        assertThat(records(admin.get("/sandbox/records?path=Messages")))
                .extracting(m -> m.get("sid")).containsExactlyInAnyOrder(stored.get(0).get("sid"), stored.get(1).get("sid"));
    }

    @Test
    void theRequestLogIsReadAsJsonPolledByCursorAndCleared() {
        long start = cursor(admin.get("/sandbox/requests").json());
        http.post(Http.account(sandbox, "Messages.json"),
                Map.of("To", "+15558675310", "From", "+15017122661", "Body", "hi"));
        http.get(Http.account(sandbox, "Messages.json?To=%2B15558675310"));
        RecordedRequest create = sandbox.requests().get(0);

        Map<String, Object> log = admin.get("/sandbox/requests").json();

        assertThat(cursor(log)).as("counts the requests logged since start").isEqualTo(start + 2);
        List<Map<String, Object>> requests = requests(log);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("method", "POST");
        expected.put("path", Http.account(sandbox, "Messages.json"));
        expected.put("rawQuery", null);
        expected.put("queryParams", Map.of());
        expected.put("formParams", Map.of("To", List.of("+15558675310"), "From", List.of("+15017122661"),
                "Body", List.of("hi")));
        expected.put("authUser", sandbox.accountSid());
        expected.put("status", 201);
        expected.put("received", create.received().toString());
        expected.put("receivedNanos", create.receivedNanos());
        expected.put("fault", null);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).isEqualTo(expected);
        assertThat(requests.get(1)).containsEntry("method", "GET").containsEntry("rawQuery", "To=%2B15558675310")
                .containsEntry("queryParams", Map.of("To", List.of("+15558675310"))).containsEntry("status", 200);

        sandbox.faults().next(Fault.SERVICE_UNAVAILABLE, 1);
        http.get(Http.account(sandbox, "Calls.json"));
        Map<String, Object> newer = admin.get("/sandbox/requests?after=" + (start + 2)).json();
        assertThat(cursor(newer)).isEqualTo(start + 3);
        assertThat(requests(newer)).singleElement().satisfies(request -> assertThat(request)
                .containsEntry("path", Http.account(sandbox, "Calls.json"))
                .containsEntry("status", 503).containsEntry("fault", "SERVICE_UNAVAILABLE"));

        assertThat(admin.method("DELETE", "/sandbox/requests").status()).isEqualTo(204);
        assertThat(sandbox.requests()).isEmpty();
        Map<String, Object> cleared = admin.get("/sandbox/requests").json();
        assertThat(cursor(cleared)).as("a cursor stays valid across a clear").isEqualTo(start + 3);
        assertThat(requests(cleared)).as("the admin API's own requests are not logged").isEmpty();
        http.get(Http.account(sandbox, "Calls.json"));
        assertThat(requests(admin.get("/sandbox/requests?after=" + (start + 2)).json()))
                .as("cleared requests are gone").hasSize(1);
    }

    @Test
    void theAccountLimitIsSwitchedAtRunTime() {
        Http.Reply limited = admin.json("PUT", "/sandbox/account-limit", "1");

        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.json()).isEqualTo(limitJson(1, null));
        assertThat(http.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(200);
        assertThat(http.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(429);

        admin.json("PUT", "/sandbox/account-limit", "{\"requestsPerSecond\": 1, \"retryAfterSeconds\": 3}");
        Http.Reply refused = http.get(Http.account(sandbox, "Messages.json"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("3");
        assertThat(admin.get("/sandbox/account-limit").json()).as("the admin API is not limited")
                .isEqualTo(limitJson(1, 3));
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(200, 429, 429);

        assertThat(admin.json("PUT", "/sandbox/account-limit", "0").json()).isEqualTo(limitJson(0, 3));
        assertThat(http.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(200);
        assertThat(sandbox.accountLimit().perSecond()).isZero();
    }

    @Test
    void unusableInputIsAnswered400WithAMessageThatNamesIt() {
        assertMessage(admin.json("PUT", "/sandbox/account-limit", "-1"), 400,
                "account limit must be 0 (none) or more requests per second, got -1");
        assertMessage(admin.json("PUT", "/sandbox/account-limit", "2.5"), 400,
                "the account limit must be a whole number, got: 2.5");
        assertMessage(admin.json("PUT", "/sandbox/account-limit", "{\"requestsPerSecond\": 5, \"retryAfterSeconds\": -1}"),
                400, "account limit Retry-After must be whole seconds, 0 or more, got PT-1S");
        assertMessage(admin.json("PUT", "/sandbox/account-limit", "{\"perSecond\": 5}"), 400,
                "unknown account-limit field 'perSecond'; known: requestsPerSecond, retryAfterSeconds");
        assertThat(sandbox.accountLimit().perSecond()).as("nothing switched").isZero();
        assertThat(admin.json("POST", "/sandbox/records", "{\"path\": \"Messages\"").status()).isEqualTo(400);
        assertMessage(admin.json("POST", "/sandbox/records", "{\"records\": []}"), 400,
                "records need {\"path\": \"<collection path>\", \"records\": [{...}, ...] or {...}}");
        assertThat(admin.json("POST", "/sandbox/records", "{\"path\": \"Faxes\", \"records\": [{}]}").json()
                .get("message")).asString().startsWith("Not a collection path: 'Faxes'.");
        assertMessage(admin.get("/sandbox/requests?after=x"), 400,
                "after must be a cursor a previous answer gave, got 'x'");
        assertMessage(admin.method("DELETE", "/sandbox/records"), 405, "DELETE is not allowed on /sandbox/records");
        assertMessage(admin.get("/sandbox/faults"), 404,
                "no such sandbox resource: /sandbox/faults; known: records, requests, account-limit, status-progression, verification-code");
    }

    private static void assertMessage(Http.Reply reply, int status, String message) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json()).isEqualTo(Map.of("message", message));
    }

    private static Map<String, Object> limitJson(int perSecond, Integer retryAfterSeconds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestsPerSecond", perSecond);
        json.put("retryAfterSeconds", retryAfterSeconds);
        return json;
    }

    private static List<Map<String, Object>> records(Http.Reply reply) {
        return records(reply.json(), "records");
    }

    private static long cursor(Map<String, Object> log) {
        return ((Number) log.get("cursor")).longValue();
    }

    private static List<Map<String, Object>> requests(Map<String, Object> log) {
        return records(log, "requests");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> json, String key) {
        return (List<Map<String, Object>>) json.get(key);
    }
}
