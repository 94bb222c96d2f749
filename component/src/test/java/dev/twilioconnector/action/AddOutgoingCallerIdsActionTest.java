package dev.twilioconnector.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.OfficialSpec;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class AddOutgoingCallerIdsActionTest extends SandboxTestSupport {

    private static final String ADD = "twilio-connector:actions/AddOutgoingCallerIds";
    private static final String PATH = "/2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json";

    @Test
    void sendsTwiliosValidationRequestAndReturnsTheCodeAndTheCall() {
        Exchange exchange = call(ADD, Map.of("PhoneNumber", "+14158675310", "FriendlyName", "Front desk",
                "CallDelay", 5, "Extension", "1234"));

        assertThat(exchange.getException()).isNull();
        assertThat(requestLines()).containsExactly("POST " + accountPath("OutgoingCallerIds.json"));
        Map<String, List<String>> form = requests().get(0).formParams();
        assertThat(form).containsExactly(entry("PhoneNumber", List.of("+14158675310")),
                entry("FriendlyName", List.of("Front desk")), entry("CallDelay", List.of("5")),
                entry("Extension", List.of("1234")));
        assertThat(OfficialSpec.formParameters(PATH, "POST")).containsAll(form.keySet());
        @SuppressWarnings("unchecked")
        Map<String, Object> output = exchange.getMessage().getBody(Map.class);
        assertThat(output).containsOnlyKeys("ValidationCode", "CallSid", "PhoneNumber", "Name")
                .containsEntry("PhoneNumber", "+14158675310").containsEntry("Name", "Front desk");
        assertThat(output.keySet()).containsExactly("ValidationCode", "CallSid", "PhoneNumber", "Name");
        assertThat(output.get("ValidationCode")).asString().matches("\\d{6}");
        assertThat(output.get("CallSid")).asString().matches("CA[0-9a-f]{32}");
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys(TwilioConnectorConstants.SID,
                TwilioConnectorConstants.STATUS);
    }

    @Test
    void theSandboxAnswersWithTheFieldsOfTwiliosValidationRequestAndNothingElse() {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) callOk("twilio-connector:OutgoingCallerIds/Create",
                Map.of("PhoneNumber", "+14158675310"));

        Entity callerIds = Catalog.standard().require("OutgoingCallerIds");
        List<String> wireKeys = answer.keySet().stream()
                .map(name -> callerIds.field(name).orElseThrow().wire()).toList();
        JsonNode schema = OfficialSpec.document().path("components").path("schemas")
                .path("api.v2010.account.validation_request").path("properties");
        List<String> described = new ArrayList<>();
        schema.fieldNames().forEachRemaining(described::add);
        assertThat(OfficialSpec.operation(PATH, "POST").path("responses").has("200")).isTrue();
        assertThat(wireKeys).containsExactlyInAnyOrderElementsOf(described);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"Name\":\"Front desk\"} | Action AddOutgoingCallerIds needs input PhoneNumber",
        "{\"PhoneNumber\":\"+14158675310\",\"CallDelay\":\"later\"} | Input CallDelay of action AddOutgoingCallerIds 'later' is not valid: expected an integer",
        "{\"PhoneNumber\":\"+14158675310\",\"StatusCallback\":\"https://example.com\"} | Unknown input 'StatusCallback' of action AddOutgoingCallerIds. Inputs: PhoneNumber, Name, CallDelay, Extension",
        "{\"PhoneNumber\":\"+14158675310\",\"Name\":\"a\",\"FriendlyName\":\"b\"} | Input Name of action AddOutgoingCallerIds is given twice, by its names Name and FriendlyName",
    })
    void badInputFailsBeforeAnyRequestNamingTheInputAndWhatItTakes(String body, String message) {
        Exchange exchange = call(ADD, body);

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class).hasMessageStartingWith(message);
        assertThat(requests()).isEmpty();
    }

    @Test
    void itCannotWaitForAStatus() {
        assertThatThrownBy(() -> context.getEndpoint(ADD + "?waitForStatus=completed").createProducer())
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("waitForStatus 'completed' is not one action AddOutgoingCallerIds can wait for: allowed none");
    }
}
