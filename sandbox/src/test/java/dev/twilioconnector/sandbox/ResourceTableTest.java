package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every resource of the table over HTTP: seed, list, get, create with its required parameters, update, delete. */
class ResourceTableTest extends SandboxTestSupport {

    private static final String CALL = "CA" + "c".repeat(32);
    private static final String MESSAGE = "SM" + "d".repeat(32);
    private static final String QUEUE = "QU" + "e".repeat(32);
    private static final String CONFERENCE = "CF" + "f".repeat(32);

    @BeforeEach
    void parents() {
        sandbox.put("Calls", Map.of("sid", CALL));
        sandbox.put("Messages", Map.of("sid", MESSAGE));
        sandbox.put("Queues", Map.of("sid", QUEUE));
        sandbox.put("Conferences", Map.of("sid", CONFERENCE));
    }

    static Stream<Arguments> collections() {
        return Stream.of(
                Arguments.of("Messages", "messages", Map.of("To", "+1", "From", "+2", "Body", "b")),
                Arguments.of("Messages/" + MESSAGE + "/Media", "media_list", null),
                Arguments.of("Calls", "calls", Map.of("To", "+1", "From", "+2", "Twiml", "<Response/>")),
                Arguments.of("Calls/" + CALL + "/Recordings", "recordings", Map.of()),
                Arguments.of("Recordings", "recordings", null),
                Arguments.of("Transcriptions", "transcriptions", null),
                Arguments.of("IncomingPhoneNumbers", "incoming_phone_numbers", Map.of("PhoneNumber", "+15017122661")),
                Arguments.of("OutgoingCallerIds", "outgoing_caller_ids", Map.of("PhoneNumber", "+14158675310")),
                Arguments.of("Queues", "queues", Map.of("FriendlyName", "q")),
                Arguments.of("Queues/" + QUEUE + "/Members", "queue_members", null),
                Arguments.of("Conferences", "conferences", null),
                Arguments.of("Conferences/" + CONFERENCE + "/Participants", "participants",
                        Map.of("From", "+1", "To", "+2")),
                Arguments.of("Applications", "applications", Map.of("FriendlyName", "app")),
                Arguments.of("Addresses", "addresses", Map.of("CustomerName", "c", "Street", "s", "City", "c",
                        "Region", "r", "PostalCode", "p", "IsoCountry", "US")),
                Arguments.of("Keys", "keys", Map.of("FriendlyName", "k")),
                Arguments.of("Usage/Records", "usage_records", null),
                Arguments.of("Usage/Triggers", "usage_triggers", Map.of("CallbackUrl", "https://e.example",
                        "TriggerValue", "100", "UsageCategory", "sms")),
                Arguments.of("Notifications", "notifications", null));
    }

    /** Resources whose create needs no parameter at all. */
    private static final Set<String> OPTIONAL_CREATE = Set.of("Applications", "Keys", "Calls/{sid}/Recordings");

    /** A POST to OutgoingCallerIds is Twilio's validation request, answered 200 as its description says. */
    private static final String VALIDATION_REQUESTS = "OutgoingCallerIds";

    /** Keys have no {@code uri} field; every other resource's record names its own path. */
    private static String instancePath(String path, Map<String, Object> record) {
        return record.get("uri") != null ? (String) record.get("uri")
                : Http.account(sandbox, path + "/" + record.get("sid") + ".json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void seededRecordsAreListedAndCreateFollowsTheTable(String path, String listKey, Map<String, String> create) {
        int before = sandbox.records(path).size();
        List<Map<String, Object>> seeded = sandbox.seed(path, 3);

        Map<String, Object> page = http.get(Http.account(sandbox, path + ".json")).json();
        assertThat(page.get(listKey)).asList().hasSize(before + 3);
        assertThat(page.get("uri")).isEqualTo(Http.account(sandbox, path + ".json?PageSize=50&Page=0"));

        Http.Reply created = http.post(Http.account(sandbox, path + ".json"), create == null ? Map.of() : create);
        if (create == null) {
            assertThat(created.status()).isEqualTo(405);
            return;
        }
        assertThat(created.status()).as(created.text()).isEqualTo(VALIDATION_REQUESTS.equals(path) ? 200 : 201);
        if (!OPTIONAL_CREATE.contains(path.replaceAll("/[A-Z]{2}[0-9a-f]{32}", "/{sid}"))) {
            assertThat(http.post(Http.account(sandbox, path + ".json"), Map.of()).status()).isEqualTo(400);
        }
        assertThat(http.get(instancePath(path, seeded.get(0))).json()).isEqualTo(seeded.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void updateAndDeleteAnswerAsTheTableAllows(String path, String listKey, Map<String, String> create) {
        Map<String, Object> record = sandbox.seed(path, 1).get(0);
        String uri = instancePath(path, record);
        if (path.startsWith("Usage/Records")) {
            assertThat(http.get(Http.account(sandbox, "Usage/Records/calls.json")).status()).isEqualTo(404);
            return;
        }
        Http.Reply updated = http.post(uri, Map.of("FriendlyName", "renamed", "Url", "https://e.example"));
        Http.Reply deleted = http.delete(uri);

        assertThat(updated.status()).isIn(200, 405);
        if (updated.status() == 200 && record.containsKey("friendly_name")) {
            assertThat(updated.json()).containsEntry("friendly_name", "renamed");
        }
        assertThat(deleted.status()).isIn(204, 405);
        assertThat(http.get(uri).status()).isEqualTo(deleted.status() == 204 ? 404 : 200);
    }
}
