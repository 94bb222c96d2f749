package dev.twilioconnector.products;

import dev.twilioconnector.support.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Studio's Definition and Parameters, which its description leaves untyped and Twilio answers as objects: given as a
 * Map or as JSON text, each is sent as JSON text in the form, so a flow read back can be sent back as it is.
 */
class StudioJsonFieldsOverSandboxTest extends SandboxTestSupport {

    private static final String FLOWS = "/studio/v2/Flows";
    private static final Map<String, Object> DEFINITION = Map.of("initial_state", "Trigger");

    @Test
    void aFlowsDefinitionIsSentAsJsonTextFromAMapAndAFlowReadBackIsSentBack() {
        String sid = (String) record(callOk("twilio-connector:Studio.Flows/Create",
                Map.of("Name", "IVR", "Status", "draft", "Definition", DEFINITION))).get("Sid");
        Map<String, Object> fetched = record(callOk("twilio-connector:Studio.Flows/Get?entityId=" + sid, null));
        callOk("twilio-connector:Studio.Flows/Update?entityId=" + sid,
                Map.of("Status", "published", "Definition", fetched.get("Definition")));

        assertThat(requestLines()).containsExactly("POST " + FLOWS, "GET " + FLOWS + "/" + sid, "POST " + FLOWS + "/" + sid);
        assertThat(requests().get(0).formParams()).isEqualTo(Map.of("FriendlyName", List.of("IVR"),
                "Status", List.of("draft"), "Definition", List.of("{\"initial_state\":\"Trigger\"}")));
        assertThat(requests().get(2).formParams()).isEqualTo(Map.of("Status", List.of("published"),
                "Definition", List.of("{\"initial_state\":\"Trigger\"}")));
    }

    @Test
    void anExecutionsParametersAreSentAsJsonTextFromAMapOrAsTheJsonTextGiven() {
        String flow = (String) record(callOk("twilio-connector:Studio.Flows/Create",
                Map.of("Name", "Survey", "Status", "published", "Definition", "{\"initial_state\":\"Trigger\"}"))).get("Sid");
        callOk("twilio-connector:Studio.Executions/Create", Map.of("FlowSid", flow, "To", "+15558675310",
                "Sender", "+15017122661", "Parameters", Map.of("name", "Zeke")));
        callOk("twilio-connector:Studio.Executions/Create", Map.of("FlowSid", flow, "To", "+15558675310",
                "Sender", "+15017122661", "Parameters", "{\"name\":\"Ada\"}"));

        assertThat(requestLines()).containsExactly("POST " + FLOWS, "POST " + FLOWS + "/" + flow + "/Executions",
                "POST " + FLOWS + "/" + flow + "/Executions");
        assertThat(requests()).extracting(request -> request.formParams().get("Parameters")).containsExactly(
                null, List.of("{\"name\":\"Zeke\"}"), List.of("{\"name\":\"Ada\"}"));
    }
}
