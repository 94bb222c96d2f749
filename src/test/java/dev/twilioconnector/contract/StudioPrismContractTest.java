package dev.twilioconnector.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.twilioconnector.contract.PrismProduct.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Studio v2 flows and their executions, through the catalog's {@code Studio.*} entities, against Prism serving
 * Twilio's {@code twilio_studio_v2.json}: a flow created and updated with its definition, executions started and
 * listed by date; no request refused, the records Twilio's examples.
 */
class StudioPrismContractTest {

    private static final String FLOW = "FWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String EXECUTION = "FNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String FLOWS = "/v2/Flows";
    private static final String IN_FLOW = FLOWS + "/" + FLOW;
    /**
     * The smallest flow Studio runs, its trigger and no widget, as JSON text: the description gives the definition no
     * type, so the catalog has it as a string, which refuses an object on input (Twilio's libraries take an object
     * and send its JSON), while a flow read back holds it as an object.
     */
    private static final String DEFINITION = "{\"description\":\"Order updates\",\"states\":[{\"name\":\"Trigger\","
            + "\"type\":\"trigger\",\"transitions\":[],\"properties\":{}}],\"initial_state\":\"Trigger\","
            + "\"flags\":{\"allow_concurrent_calls\":true}}";
    private static PrismProduct studio;

    @BeforeAll
    static void startPrism() throws Exception {
        studio = PrismProduct.start("studio", "twilio_studio_v2.json");
    }

    @AfterAll
    static void stopPrism() {
        if (studio != null) {
            studio.close();
        }
    }

    @Test
    void everyOperationOnFlowsAndTheirExecutionsIsAcceptedByTheDescription() {
        Map<String, Object> inFlow = Map.of("FlowSid", FLOW);
        Map<String, Object> battery = ordered(
                "twilio-connector:Studio.Flows/Create", Map.of("Name", "Order updates", "Status", "draft",
                        "Definition", DEFINITION),
                "twilio-connector:Studio.Flows/List", null,
                "twilio-connector:Studio.Flows/Get?entityId=" + FLOW, null,
                "twilio-connector:Studio.Flows/Update?entityId=" + FLOW, Map.of("Status", "published"),
                "twilio-connector:Studio.Executions/Create", Map.of("FlowSid", FLOW, "To", "+15558675310",
                        "Sender", "+15017122661"),
                "twilio-connector:Studio.Executions/List?filterClause=FlowSid = '" + FLOW + "'", null,
                "twilio-connector:Studio.Executions/Get?entityId=" + EXECUTION, inFlow,
                "twilio-connector:Studio.Executions/Update?entityId=" + EXECUTION, Map.of("FlowSid", FLOW, "Status", "ended"),
                "twilio-connector:Studio.Executions/Delete?entityId=" + EXECUTION, inFlow,
                "twilio-connector:Studio.Flows/Delete?entityId=" + FLOW, null);
        int before = studio.requests().size();

        Map<String, String> refused = studio.refused(battery);

        assertThat(refused).as(studio::log).isEmpty();
        String execution = IN_FLOW + "/Executions/" + EXECUTION;
        assertThat(studio.requestsSince(before))
                .extracting(RecordingProxy.SentRequest::method, RecordingProxy.SentRequest::path)
                .containsExactly(tuple("POST", FLOWS), tuple("GET", FLOWS), tuple("GET", IN_FLOW), tuple("POST", IN_FLOW),
                        tuple("POST", IN_FLOW + "/Executions"), tuple("GET", IN_FLOW + "/Executions"),
                        tuple("GET", execution), tuple("POST", execution), tuple("DELETE", execution),
                        tuple("DELETE", IN_FLOW));
    }

    @Test
    void aFlowIsCreatedWithItsDefinitionAndReadBackAsTwiliosExample() {
        int before = studio.requests().size();

        Map<String, Object> created = studio.record("twilio-connector:Studio.Flows/Create", ordered("Name", "Order updates",
                "Status", "draft", "Definition", DEFINITION, "CommitMessage", "First draft"));

        List<RecordingProxy.SentRequest> sent = studio.requestsSince(before);
        assertThat(sent.get(0).form()).containsExactlyInAnyOrder(entry("FriendlyName", "Order updates"),
                entry("Status", "draft"), entry("Definition", DEFINITION), entry("CommitMessage", "First draft"));
        assertThat(created).contains(entry("Sid", FLOW), entry("AccountSid", PrismProduct.ACCOUNT), entry("Name", "Test Flow"),
                entry("Status", "published"), entry("Revision", 1), entry("CommitMessage", null), entry("Valid", true),
                entry("Errors", List.of()), entry("DateCreated", "2017-11-06T12:00:00Z"), entry("DateUpdated", null),
                entry("Definition", Map.of("initial_state", "Trigger")));
    }

    @Test
    void flowsAreListedReadAndPublished() {
        int before = studio.requests().size();

        List<Map<String, Object>> listed = studio.records("twilio-connector:Studio.Flows/List");
        Map<String, Object> read = studio.record("twilio-connector:Studio.Flows/Get?entityId=" + FLOW, null);
        Map<String, Object> published = studio.record("twilio-connector:Studio.Flows/Update?entityId=" + FLOW,
                ordered("Status", "published", "CommitMessage", "Go live"));

        List<RecordingProxy.SentRequest> sent = studio.requestsSince(before);
        assertThat(sent.get(2).form()).containsExactlyInAnyOrder(entry("Status", "published"), entry("CommitMessage", "Go live"));
        assertThat(listed).extracting(flow -> flow.get("Sid"), flow -> flow.get("Name"), flow -> flow.get("Revision"))
                .containsExactly(tuple(FLOW, "Test Flow", 1));
        assertThat(read).contains(entry("Sid", FLOW), entry("CommitMessage", "commit"), entry("Valid", true),
                entry("WebhookUrl", "http://webhooks.twilio.com/v1/Accounts/" + PrismProduct.ACCOUNT + "/Flows/" + FLOW));
        assertThat(published).contains(entry("Sid", FLOW), entry("Status", "published"),
                entry("DateUpdated", "2017-11-06T12:00:00Z"));
    }

    @Test
    void anExecutionIsStartedForAContactAndTheFlowsExecutionsAreListedByDate() {
        int before = studio.requests().size();

        Map<String, Object> started = studio.record("twilio-connector:Studio.Executions/Create", ordered("FlowSid", FLOW,
                "To", "+15558675310", "Sender", "+15017122661", "Parameters", "{\"order\":\"1234\"}"));
        List<Map<String, Object>> listed = studio.records("twilio-connector:Studio.Executions/List",
                "FlowSid = '" + FLOW + "' AND DateCreated >= '2026-01-01T00:00:00Z' AND DateCreated < '2026-01-31T00:00:00Z'");
        Map<String, Object> read = studio.record("twilio-connector:Studio.Executions/Get?entityId=" + EXECUTION,
                Map.of("FlowSid", FLOW));

        List<RecordingProxy.SentRequest> sent = studio.requestsSince(before);
        assertThat(sent.get(0).path()).isEqualTo(IN_FLOW + "/Executions");
        assertThat(sent.get(0).form()).containsExactlyInAnyOrder(entry("To", "+15558675310"), entry("From", "+15017122661"),
                entry("Parameters", "{\"order\":\"1234\"}"));
        assertThat(sent.get(1).queryParameters()).containsExactlyInAnyOrder(entry("DateCreatedFrom", "2026-01-01T00:00:00Z"),
                entry("DateCreatedTo", "2026-01-31T00:00:00Z"), entry("PageSize", "25"));
        assertThat(started).contains(entry("Sid", EXECUTION), entry("FlowSid", FLOW),
                entry("ContactChannelAddress", "+18001234567"), entry("Status", "active"),
                entry("DateCreated", "2015-07-30T20:00:00Z"));
        assertThat(listed).isEmpty();
        assertThat(read).contains(entry("Sid", EXECUTION), entry("ContactChannelAddress", "+14155555555"),
                entry("Status", "ended"), entry("DateUpdated", null));
    }
}
