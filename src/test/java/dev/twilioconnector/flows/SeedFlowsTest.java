package dev.twilioconnector.flows;

import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Runs each flow of {@code routes/demo/} as written, against the sandbox: the timer is replaced by a
 * direct endpoint so the test decides when it fires, and what the flow ends with is captured.
 */
class SeedFlowsTest extends SandboxTestSupport {

    private static final Path ROUTES = Path.of(System.getProperty("routes.dir", "../routes")).resolve("demo");

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Test
    void listRecordingsReturnsTheFirstPage() throws Exception {
        sandbox.seed("Recordings", 3);

        Object page = run("list-recordings");

        assertThat(page).asInstanceOf(LIST).hasSize(3);
        assertThat(requestLines()).containsExactly("GET " + accountPath("Recordings.json") + "?PageSize=25");
    }

    @Test
    void getRecordingReadsItBySid() throws Exception {
        sandbox.put("Recordings", Map.of("sid", "RE2e915e78549694bd0a0742d2d39454e5",
                "call_sid", "CAaa4a99c300bd9d1bcc0d1ae9dcd248c6", "duration", "15"));

        Object record = run("get-recording");

        assertThat(record).asInstanceOf(MAP).contains(entry("Sid", "RE2e915e78549694bd0a0742d2d39454e5"),
                entry("CallSid", "CAaa4a99c300bd9d1bcc0d1ae9dcd248c6"), entry("Duration", 15L));
    }

    @Test
    void deleteCallRemovesIt() throws Exception {
        sandbox.put("Calls", Map.of("sid", "CAaa4a99c300bd9d1bcc0d1ae9dcd248c6"));

        Object result = run("delete-call");

        assertThat(result).isEqualTo(Map.of("Sid", "CAaa4a99c300bd9d1bcc0d1ae9dcd248c6"));
        assertThat(requestLines()).containsExactly("DELETE " + accountPath("Calls/CAaa4a99c300bd9d1bcc0d1ae9dcd248c6.json"));
        assertThat(sandbox.records("Calls")).isEmpty();
    }

    @Test
    void createFeedbackRatesTheCallAndReturnsItsSid() throws Exception {
        sandbox.put("Calls", Map.of("sid", "CAdefbf2b4caa7df11dc48106385e32345"));

        Object record = run("create-feedback");

        assertThat(record).asInstanceOf(MAP).containsEntry("Sid", "CAdefbf2b4caa7df11dc48106385e32345")
                .containsEntry("QualityScore", 5);
        RecordedRequest sent = requests().get(0);
        assertThat(sent.path()).isEqualTo(accountPath("Calls/CAdefbf2b4caa7df11dc48106385e32345/Feedback.json"));
        assertThat(sent.formParams()).containsExactly(entry("QualityScore", List.of("5")));
    }

    @Test
    void createFeedbackSummaryReturnsAnFsSid() throws Exception {
        Object record = run("create-feedback-summary");

        assertThat(record).asInstanceOf(MAP).containsEntry("StartDate", "2014-06-01").containsEntry("EndDate", "2014-06-04")
                .extractingByKey("Sid").asString().matches("FS[0-9a-f]{32}");
        assertThat(requests().get(0).formParams()).containsExactly(entry("StartDate", List.of("2014-06-01")),
                entry("EndDate", List.of("2014-06-04")));
    }

    @Test
    void createMessageSendsAWhatsAppMessage() throws Exception {
        Object record = run("create-message");

        assertThat(record).asInstanceOf(MAP).containsEntry("To", "whatsapp:+91789230000")
                .containsEntry("Sender", "whatsapp:+14155238886").containsEntry("Body", "Message is sent from the connector")
                .extractingByKey("Sid").asString().matches("SM[0-9a-f]{32}");
        assertThat(requests().get(0).formParams()).containsExactly(entry("To", List.of("whatsapp:+91789230000")),
                entry("From", List.of("whatsapp:+14155238886")), entry("Body", List.of("Message is sent from the connector")));
    }

    @Test
    void redactMessageEmptiesItsBody() throws Exception {
        sandbox.put("Messages", Map.of("sid", "SM3ad97d41e786c02bca47c8ce1745053b", "body", "my card is 4111"));

        Object record = run("redact-message");

        assertThat(record).asInstanceOf(MAP).containsEntry("Sid", "SM3ad97d41e786c02bca47c8ce1745053b").containsEntry("Body", "");
        assertThat(sandbox.records("Messages").get(0)).containsEntry("body", "");
    }

    @Test
    void redactMessageByFilterEmptiesTheSelectedBodiesAndListsThem() throws Exception {
        sandbox.put("Messages", Map.of("sid", "SM3ad97d41e786c02bca47c8ce1745053b", "body", "my card is 4111"));
        sandbox.put("Messages", Map.of("sid", "SM00000000000000000000000000000001", "body", "keep me"));

        Object result = run("redact-message-by-filter");

        assertThat(result).isEqualTo(Map.of("Count", 1, "Sids", List.of("SM3ad97d41e786c02bca47c8ce1745053b")));
        assertThat(sandbox.records("Messages")).extracting(m -> m.get("body")).containsExactlyInAnyOrder("", "keep me");
    }

    @Test
    void renameIncomingPhoneNumberSendsFriendlyName() throws Exception {
        sandbox.put("IncomingPhoneNumbers", Map.of("sid", "PN4047ac009a15885690a50a1d388b8411", "friendly_name", "old"));

        Object record = run("rename-incoming-phone-number");

        assertThat(record).asInstanceOf(MAP).containsEntry("Sid", "PN4047ac009a15885690a50a1d388b8411")
                .containsEntry("Name", "Support line");
        assertThat(requests().get(0).formParams()).containsExactly(entry("FriendlyName", List.of("Support line")));
    }

    @Test
    void renameOutgoingCallerIdReturnsItsSid() throws Exception {
        sandbox.put("OutgoingCallerIds", Map.of("sid", "PN6f5f9bf39cb1801a6e21a5a80d274bdd", "friendly_name", "old"));

        Object record = run("rename-outgoing-caller-id");

        assertThat(record).asInstanceOf(MAP).containsEntry("Sid", "PN6f5f9bf39cb1801a6e21a5a80d274bdd")
                .containsEntry("Name", "Front desk");
    }

    /** Loads routes/demo/{id}.yaml, fires it once and returns the body it ends with. */
    private Object run(String id) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:" + ROUTES.resolve(id + ".yaml")));
        AdviceWith.adviceWith(context, id, route -> {
            route.replaceFromWith("direct:" + id);
            route.weaveAddLast().to("mock:" + id);
        });
        context.start();
        MockEndpoint out = getMockEndpoint("mock:" + id);
        out.expectedMessageCount(1);
        sandbox.clearRequests();

        producer.sendBody("direct:" + id, null);

        out.assertIsSatisfied();
        return out.getExchanges().get(0).getMessage().getBody();
    }
}
