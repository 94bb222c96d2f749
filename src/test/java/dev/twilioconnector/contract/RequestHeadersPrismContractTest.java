package dev.twilioconnector.contract;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request headers Twilio's descriptions define, sent under their own names from fields of the payload or the
 * filterClause: Conversations' {@code X-Twilio-Webhook-Enabled} (which Prism holds to its {@code true}/{@code false})
 * and TaskRouter's {@code If-Match}, each against Prism serving the product's description, recorded on the way.
 */
class RequestHeadersPrismContractTest {

    private static final String CONVERSATION = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String WORKSPACE = "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String WORKER = "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static PrismServer conversations;
    private static PrismServer taskrouter;
    private static RecordingProxy conversationsProxy;
    private static RecordingProxy taskrouterProxy;
    private static CamelContext camel;
    private static ProducerTemplate producer;

    @BeforeAll
    static void startPrismAndTheConnector() throws Exception {
        Path specs = Path.of(System.getProperty("twilio.spec.dir", "../target/twilio-spec"), "package/twilio-oai/spec/json/");
        Path prismDir = Path.of(System.getProperty("prism.dir", "../target/prism"));
        conversations = PrismServer.start(prismDir, specs.resolve("twilio_conversations_v1.json"),
                AvailablePortFinder.getNextAvailable());
        taskrouter = PrismServer.start(prismDir, specs.resolve("twilio_taskrouter_v1.json"),
                AvailablePortFinder.getNextAvailable());
        conversationsProxy = RecordingProxy.start(conversations.baseUrl());
        taskrouterProxy = RecordingProxy.start(taskrouter.baseUrl());
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.getConfiguration().setAccountSid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        component.getConfiguration().setAuthToken("prism-checks-that-there-is-a-token");
        component.getConfiguration().setBaseUrls(Map.of("conversations", conversationsProxy.baseUrl(),
                "taskrouter", taskrouterProxy.baseUrl()));
        component.getConfiguration().setRetryMaxAttempts(1);
        camel = new DefaultCamelContext();
        camel.addComponent("twilio-connector", component);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        if (camel != null) {
            camel.stop();
        }
        for (RecordingProxy proxy : new RecordingProxy[] {conversationsProxy, taskrouterProxy}) {
            if (proxy != null) {
                proxy.close();
            }
        }
        for (PrismServer prism : new PrismServer[] {conversations, taskrouter}) {
            if (prism != null) {
                prism.close();
            }
        }
    }

    @Test
    void aMessageIsPostedWithoutWebhooksByTheHeaderTheDescriptionDefines() {
        Exchange posted = call("twilio-connector:Conversations.ConversationMessages/Create",
                "{\"ConversationSid\":\"" + CONVERSATION + "\",\"Author\":\"system\",\"Body\":\"Hello\","
                        + "\"XTwilioWebhookEnabled\":false}", Map.of());

        assertThat(posted.getException()).as(conversations::log).isNull();
        RecordingProxy.SentRequest sent = conversationsProxy.requests().get(0);
        assertThat(sent.line()).isEqualTo("POST /v1/Conversations/" + CONVERSATION + "/Messages");
        assertThat(sent.headers()).containsEntry("x-twilio-webhook-enabled", "false")
                .containsEntry("content-type", "application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(sent.body()).isEqualTo("Author=system&Body=Hello");
    }

    @Test
    void aWorkerIsDeletedOnlyIfItsVersionMatchesByIfMatchFromTheFilterClause() {
        Exchange deleted = call("twilio-connector:Taskrouter.Workers/Delete?entityId=" + WORKER,
                "{\"WorkspaceSid\":\"" + WORKSPACE + "\"}", Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "IfMatch = '\"3\"'"));

        assertThat(deleted.getException()).as(taskrouter::log).isNull();
        RecordingProxy.SentRequest sent = taskrouterProxy.requests().get(0);
        assertThat(sent.line()).isEqualTo("DELETE /v1/Workspaces/" + WORKSPACE + "/Workers/" + WORKER);
        assertThat(sent.headers()).containsEntry("if-match", "\"3\"");
        assertThat(taskrouterProxy.requests()).hasSize(1);
    }

    private static Exchange call(String uri, Object body, Map<String, Object> headers) {
        return producer.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }
}
