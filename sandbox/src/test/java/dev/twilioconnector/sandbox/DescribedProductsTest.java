package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Products served from their descriptions (Messaging Services, Studio Flows, TaskRouter Workspaces and Workers,
 * Content), over HTTP under their keys, as a client pointed at {@code productBaseUrl(key)} sees them.
 */
class DescribedProductsTest extends SandboxTestSupport {

    private static final String ISO_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Test
    void aMessagingServiceIsCreatedWithItsFieldsTypedAsTheDescriptionsProperties() {
        Http.Reply created = http.post("/messaging/v1/Services",
                Map.of("FriendlyName", "Alerts", "StickySender", "false", "ValidityPeriod", "600"));
        Map<String, Object> service = created.json();
        String sid = (String) service.get("sid");
        String url = "https://messaging.twilio.com/v1/Services/" + sid;

        assertThat(created.status()).isEqualTo(201);
        assertThat(sid).matches("MG[0-9a-f]{32}");
        assertThat((String) service.get("date_created")).matches(ISO_SECONDS).isEqualTo(service.get("date_updated"));
        Map<String, Object> expected = new HashMap<>();
        for (String property : List.of("area_code_geomatch", "fallback_method", "fallback_to_long_code", "fallback_url",
                "inbound_method", "inbound_request_url", "mms_converter", "scan_message_content", "smart_encoding",
                "status_callback", "synchronous_validation", "us_app_to_person_registered",
                "use_inbound_webhook_on_number", "usecase")) {
            expected.put(property, null);
        }
        expected.putAll(Map.of("sid", sid, "account_sid", sandbox.accountSid(), "friendly_name", "Alerts",
                "sticky_sender", false, "validity_period", 600, "url", url,
                "date_created", service.get("date_created"), "date_updated", service.get("date_updated"),
                "links", Map.of("alpha_senders", url + "/AlphaSenders", "channel_senders", url + "/ChannelSenders",
                        "destination_alpha_senders", url + "/DestinationAlphaSenders",
                        "phone_numbers", url + "/PhoneNumbers", "short_codes", url + "/ShortCodes")));
        assertThat(service).isEqualTo(expected);
        assertThat(http.get("/messaging/v1/Services/" + sid).json()).isEqualTo(service);
    }

    @Test
    void aStudioFlowIsCreatedReadUpdatedListedAndDeleted() {
        Map<String, Object> flow = http.post("/studio/v2/Flows", Map.of("FriendlyName", "IVR", "Status", "draft",
                "Definition", "{\"initial_state\":\"Trigger\"}")).json();
        String sid = (String) flow.get("sid");
        String path = "/studio/v2/Flows/" + sid;

        assertThat(sid).matches("FW[0-9a-f]{32}");
        assertThat(flow).containsEntry("friendly_name", "IVR").containsEntry("status", "draft")
                .containsEntry("definition", Map.of("initial_state", "Trigger"))
                .containsEntry("url", "https://studio.twilio.com/v2/Flows/" + sid)
                .containsEntry("revision", null).containsEntry("commit_message", null);

        Http.Reply updated = http.post(path, Map.of("Status", "published", "CommitMessage", "go live"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("status", "published").containsEntry("commit_message", "go live")
                .containsEntry("friendly_name", "IVR").containsEntry("date_created", flow.get("date_created"));
        assertThat(http.get(path).json()).isEqualTo(updated.json());

        Map<String, Object> list = http.get("/studio/v2/Flows").json();
        assertThat(list).containsEntry("flows", List.of(updated.json()));
        assertThat(list.get("meta")).isEqualTo(meta("flows", "https://studio.twilio.com/v2/Flows?", 50, 0, null));

        Http.Reply deleted = http.delete(path);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        Http.Reply gone = http.get(path);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json()).containsEntry("code", 20404)
                .containsEntry("message", "The requested resource " + path + " was not found");
        assertThat(http.delete(path).status()).isEqualTo(404);
        assertThat(http.post(path, Map.of("Status", "draft")).status()).isEqualTo(404);
    }

    @Test
    void aListPagesNewestFirstWithTheDescriptionsKeyAndKeepsItsFiltersInItsLinks() {
        String workspace = workspace("Support");
        String workers = "/taskrouter/v1/Workspaces/" + workspace + "/Workers";
        for (String name : List.of("Ann", "Bob", "Cid")) {
            http.post(workers, Map.of("FriendlyName", name));
        }
        http.post(workers, Map.of("FriendlyName", "Bob"));

        Map<String, Object> first = http.get(workers + "?PageSize=2").json();
        Map<String, Object> second = http.get(workers + "?PageSize=2&Page=1").json();
        Map<String, Object> bobs = http.get(workers + "?FriendlyName=Bob&PageSize=1").json();

        String origin = "https://taskrouter.twilio.com/v1/Workspaces/" + workspace + "/Workers?";
        assertThat(names(first, "workers")).containsExactly("Bob", "Cid");
        assertThat(first.get("meta")).isEqualTo(meta("workers", origin, 2, 0, origin + "PageSize=2&Page=1"));
        assertThat(names(second, "workers")).containsExactly("Bob", "Ann");
        assertThat(second.get("meta")).isEqualTo(meta("workers", origin, 2, 1, null));
        assertThat(names(bobs, "workers")).containsExactly("Bob");
        assertThat(((Map<?, ?>) bobs.get("meta")).get("next_page_url"))
                .isEqualTo(origin + "FriendlyName=Bob&PageSize=1&Page=1");
        Http.Reply tooLarge = http.get(workers + "?PageSize=1001");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json()).containsEntry("code", 20001)
                .containsEntry("message", "PageSize must be a whole number from 1 to 1000, got '1001'");
    }

    @Test
    void workersBelongToTheirWorkspaceWhichMustExist() {
        String support = workspace("Support");
        String sales = workspace("Sales");
        Map<String, Object> alice = http.post("/taskrouter/v1/Workspaces/" + support + "/Workers",
                Map.of("FriendlyName", "Alice", "Attributes", "{\"skills\":[\"en\"]}")).json();
        String sid = (String) alice.get("sid");

        assertThat(sid).matches("WK[0-9a-f]{32}");
        assertThat(alice).containsEntry("workspace_sid", support).containsEntry("attributes", "{\"skills\":[\"en\"]}")
                .containsEntry("url", "https://taskrouter.twilio.com/v1/Workspaces/" + support + "/Workers/" + sid);
        assertThat(http.get("/taskrouter/v1/Workspaces/" + support + "/Workers/" + sid).json()).isEqualTo(alice);
        assertThat(http.get("/taskrouter/v1/Workspaces/" + sales + "/Workers/" + sid).status()).isEqualTo(404);
        assertThat(names(http.get("/taskrouter/v1/Workspaces/" + sales + "/Workers").json(), "workers")).isEmpty();

        String unknown = "/taskrouter/v1/Workspaces/WS00000000000000000000000000000000/Workers";
        Http.Reply orphan = http.post(unknown, Map.of("FriendlyName", "Bob"));
        assertThat(orphan.status()).isEqualTo(404);
        assertThat(orphan.json()).containsEntry("code", 20404);
        assertThat(http.delete("/taskrouter/v1/Workspaces/" + support).status()).isEqualTo(204);
        assertThat(http.get("/taskrouter/v1/Workspaces/" + support + "/Workers/" + sid).status()).isEqualTo(404);
    }

    @Test
    void aMissingRequiredParameterIsRefusedWithItsName() {
        Http.Reply refused = http.post("/studio/v2/Flows", Map.of("FriendlyName", "IVR", "Status", "draft"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("code", 20001)
                .containsEntry("message", "Missing required parameter Definition in the post body");
        assertThat(names(http.get("/studio/v2/Flows").json(), "flows")).isEmpty();
    }

    @Test
    void contentTemplatesTakeAJsonBody() {
        Http.Reply created = http.json("POST", "/content/v1/Content", "{\"friendly_name\": \"greeting\", "
                + "\"language\": \"en\", \"variables\": {\"1\": \"name\"}, "
                + "\"types\": {\"twilio/text\": {\"body\": \"Hi {{1}}\"}}}");
        Map<String, Object> content = created.json();
        String sid = (String) content.get("sid");
        String url = "https://content.twilio.com/v1/Content/" + sid;

        assertThat(created.status()).isEqualTo(201);
        assertThat(sid).matches("HX[0-9a-f]{32}");
        assertThat(content).isEqualTo(Map.of("sid", sid, "account_sid", sandbox.accountSid(),
                "friendly_name", "greeting", "language", "en", "variables", Map.of("1", "name"),
                "types", Map.of("twilio/text", Map.of("body", "Hi {{1}}")), "url", url,
                "links", Map.of("approval_requests", url + "/ApprovalRequests"),
                "date_created", content.get("date_created"), "date_updated", content.get("date_updated")));
        assertThat(http.get("/content/v1/Content/" + sid).json()).isEqualTo(content);

        Http.Reply asForm = http.post("/content/v1/Content", Map.of("friendly_name", "greeting", "language", "en"));
        assertThat(asForm.status()).isEqualTo(400);
        assertThat(asForm.json()).containsEntry("code", 20001)
                .containsEntry("message", "This operation takes a JSON body (Content-Type: application/json)");
    }

    @Test
    void aRecordTheApiDoesNotCreateIsReadAsDescribedWithItsId() {
        Http.Reply lookup = http.get("/lookups/v2/PhoneNumbers/%2B14155552671");

        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json()).containsEntry("phone_number", "+14155552671").containsEntry("valid", null)
                .containsEntry("url", "https://lookups.twilio.com/v2/PhoneNumbers/+14155552671");
    }

    @Test
    void recordsAreTheCallersAccounts() {
        String workspace = workspace("Support");
        sandbox.put("Accounts", Map.of("sid", "AC" + "1".repeat(32), "auth_token", "f".repeat(32)));
        Http other = new Http(sandbox.baseUrl(), "AC" + "1".repeat(32), "f".repeat(32));

        assertThat(other.get("/taskrouter/v1/Workspaces/" + workspace).status()).isEqualTo(404);
        assertThat(names(other.get("/taskrouter/v1/Workspaces").json(), "workspaces")).isEmpty();
    }

    @Test
    void anUnknownPathOrMethodOfAProductIsRefused() {
        assertThat(http.get("/studio/v2/Nothing").json()).containsEntry("code", 20404);
        Http.Reply method = http.delete("/studio/v2/Flows");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json()).containsEntry("code", 20004);
    }

    @Test
    void everyRequestIsLoggedAndAuthenticated() {
        sandbox.clearRequests();
        http.post("/studio/v2/Flows", Map.of("FriendlyName", "IVR", "Status", "draft", "Definition", "{}"));
        Http anonymous = new Http(sandbox.baseUrl(), null, null);

        assertThat(anonymous.get("/studio/v2/Flows").status()).isEqualTo(401);
        assertThat(sandbox.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.status())
                .containsExactly("POST /studio/v2/Flows 201", "GET /studio/v2/Flows 401");
        assertThat(sandbox.requests().get(0).formParams()).isEqualTo(Map.of("FriendlyName", List.of("IVR"),
                "Status", List.of("draft"), "Definition", List.of("{}")));
    }

    private String workspace(String name) {
        return (String) http.post("/taskrouter/v1/Workspaces", Map.of("FriendlyName", name)).json().get("sid");
    }

    private static Map<String, Object> meta(String key, String url, int pageSize, int page, String next) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("key", key);
        meta.put("page", page);
        meta.put("page_size", pageSize);
        meta.put("first_page_url", url + "PageSize=" + pageSize + "&Page=0");
        meta.put("previous_page_url", page == 0 ? null : url + "PageSize=" + pageSize + "&Page=" + (page - 1));
        meta.put("next_page_url", next);
        meta.put("url", url + "PageSize=" + pageSize + "&Page=" + page);
        return meta;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Map<String, Object> page, String key) {
        return ((List<Map<String, Object>>) page.get(key)).stream().map(r -> r.get("friendly_name")).toList();
    }
}
