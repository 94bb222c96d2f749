package dev.twilioconnector.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.filter.FilterPlanner;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Where each field of a payload goes in the request, as the products' descriptions say: a JSON body for the few
 * operations that take one, a form for the rest, and the query parameters and headers an operation defines.
 */
class RequestBindingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Catalog catalog = Catalog.standard();
    private final PayloadBinder binder = new PayloadBinder(JSON);

    @Test
    void aContentTemplateIsAJsonBodyWithItsTypesAndVariablesAsObjects() throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("Name", "order_update");
        payload.put("Language", "en");
        payload.put("Variables", "{\"1\":\"Owl\"}");
        payload.put("Types", Map.of("twilio/text", Map.of("body", "Hi {{1}}")));

        BoundPayload bound = binder.bind(catalog.require("ContentV1.Contents"), Operation.CREATE, payload);

        assertThat(bound.json()).isEqualTo(JSON.readTree("{\"friendly_name\":\"order_update\",\"language\":\"en\","
                + "\"variables\":{\"1\":\"Owl\"},\"types\":{\"twilio/text\":{\"body\":\"Hi {{1}}\"}}}"));
        assertThat(bound.form().isEmpty()).isTrue();
        assertThat(bound.headers()).isEmpty();
    }

    @Test
    void aJsonBodyKeepsNumbersBooleansAndListsAsJsonTypesThem() throws Exception {
        BoundPayload tool = binder.bind(catalog.require("Assistants.Tools"), Operation.CREATE,
                Map.of("Name", "lookup", "Type", "WEBHOOK", "Enabled", "true"));
        BoundPayload batch = binder.bind(catalog.require("Lookups.BulkLookups"), Operation.CREATE,
                Map.of("PhoneNumbers", List.of(Map.of("phone_number", "+14155552671"))));

        assertThat(tool.json()).isEqualTo(JSON.readTree("{\"name\":\"lookup\",\"type\":\"WEBHOOK\",\"enabled\":true}"));
        assertThat(batch.json()).isEqualTo(JSON.readTree("{\"phone_numbers\":[{\"phone_number\":\"+14155552671\"}]}"));
    }

    @Test
    void anObjectOfAJsonBodyThatIsNeitherAMapNorJsonTextOfAnObjectIsRefusedNamingTheField() {
        Entity contents = catalog.require("ContentV1.Contents");

        assertThatThrownBy(() -> binder.bind(contents, Operation.CREATE, Map.of("Language", "en", "Types", "text")))
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Field Types of ContentV1.Contents takes a JSON object: a Map or JSON text of an object,"
                        + " not 'text'");
        assertThatThrownBy(() -> binder.bind(contents, Operation.CREATE, Map.of("Language", "en", "Types", List.of())))
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Field Types of ContentV1.Contents takes a JSON object: a Map or JSON text of an object,"
                        + " not '[]'");
        assertThatThrownBy(() -> binder.bind(contents, Operation.CREATE, Map.of("Language", "en")))
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("ContentV1.Contents Create needs field Types in the payload");
    }

    @Test
    void aFormOperationStaysAForm() {
        BoundPayload bound = binder.bind(catalog.require("Verify.Services"), Operation.CREATE,
                Map.of("Name", "Login", "CodeLength", 6));

        assertThat(bound.json()).isNull();
        assertThat(bound.form().entries()).containsExactlyInAnyOrder(entry("FriendlyName", "Login"),
                entry("CodeLength", "6"));
    }

    @Test
    void aListThatTheRequestTakesAsCommaSeparatedTextIsSentAsOneValue() {
        Entity annotations = catalog.require("Insights.Annotations");

        BoundPayload list = binder.bind(annotations, Operation.UPDATE,
                Map.of("CallSid", "CA" + "a".repeat(32), "QualityIssues", List.of("low_volume", "echo")));
        BoundPayload text = binder.bind(annotations, Operation.UPDATE,
                Map.of("CallSid", "CA" + "a".repeat(32), "QualityIssues", "low_volume,echo"));

        assertThat(list.form().entries()).containsExactly(entry("QualityIssues", "low_volume,echo"));
        assertThat(text.form().entries()).containsExactly(entry("QualityIssues", "low_volume,echo"));
    }

    @Test
    void anUntypedFormFieldTakesAMapOrJsonTextAndSendsJsonText() {
        Entity flows = catalog.require("Studio.Flows");

        BoundPayload map = binder.bind(flows, Operation.UPDATE, Map.of("Status", "draft",
                "Definition", Map.of("states", List.of(Map.of("name", "Trigger")))));
        BoundPayload text = binder.bind(flows, Operation.UPDATE, Map.of("Status", "draft",
                "Definition", "{\"states\":[]}"));

        assertThat(map.form().entries()).containsExactlyInAnyOrder(entry("Status", "draft"),
                entry("Definition", "{\"states\":[{\"name\":\"Trigger\"}]}"));
        assertThat(text.form().entries()).containsExactlyInAnyOrder(entry("Status", "draft"), entry("Definition", "{\"states\":[]}"));
    }

    @Test
    void aHeaderTheOperationDefinesIsSentUnderTwiliosNameAndNotInTheForm() {
        BoundPayload bound = binder.bind(catalog.require("Conversations.ConversationMessages"), Operation.CREATE,
                Map.of("ConversationSid", "CH" + "a".repeat(32), "Body", "Hi", "XTwilioWebhookEnabled", true));

        assertThat(bound.headers()).containsExactly(entry("X-Twilio-Webhook-Enabled", "true"));
        assertThat(bound.form().entries()).containsExactly(entry("Body", "Hi"));
        assertThat(bound.pathValues()).containsExactly(entry("ConversationSid", "CH" + "a".repeat(32)));
    }

    @Test
    void aHeaderValueOfMoreThanOneLineIsRefused() {
        assertThatThrownBy(() -> binder.bind(catalog.require("Taskrouter.Workers"), Operation.UPDATE,
                Map.of("WorkspaceSid", "WS" + "a".repeat(32), "IfMatch", "\"abc\"\r\nX-Other: 1")))
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Field IfMatch of Taskrouter.Workers is the request header If-Match and takes one line of"
                        + " text without control characters");
    }

    @Test
    void theQueryOfAGetComesFromThePayloadAndTheFilterClauseAndIsCheckedByType() {
        Entity phoneNumbers = catalog.require("Lookups.PhoneNumbers");
        Entity statistics = catalog.require("Taskrouter.WorkspaceStatistics");
        Map<String, String> clause = FilterPlanner.plan("Fields = 'line_type_intelligence' AND CountryCode = 'US'",
                phoneNumbers).requestValues();

        BoundPayload fromClause = binder.request(phoneNumbers, Operation.GET, Map.of(), clause);
        BoundPayload fromPayload = binder.request(phoneNumbers, Operation.GET,
                Map.of("Fields", "caller_name", "Body", "left alone"), Map.of());

        assertThat(fromClause.query().entries()).containsExactly(entry("Fields", "line_type_intelligence"),
                entry("CountryCode", "US"));
        assertThat(fromPayload.query().entries()).containsExactly(entry("Fields", "caller_name"));
        assertThatThrownBy(() -> binder.request(statistics, Operation.GET, Map.of("Minutes", "an hour"), Map.of()))
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Field Minutes of Taskrouter.WorkspaceStatistics takes an integer, not 'an hour'");
    }

    @Test
    void aHeaderNamedInTheFilterClauseOfAnOperationThatDoesNotSendItIsRefused() {
        Entity workers = catalog.require("Taskrouter.Workers");
        Map<String, String> clause = FilterPlanner.plan("IfMatch = '\"abc\"'", workers).requestValues();

        assertThat(binder.request(workers, Operation.DELETE, Map.of(), clause).headers())
                .containsExactly(entry("If-Match", "\"abc\""));
        assertThatThrownBy(() -> binder.request(workers, Operation.LIST, Map.of(), clause))
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("filterClause: IfMatch is sent to Twilio by Taskrouter.Workers Update, Delete, not by List");
    }
}
