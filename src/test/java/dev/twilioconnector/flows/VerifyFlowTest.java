package dev.twilioconnector.flows;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routes/demo/verify-one-time-code.yaml as written, against the sandbox's Verify under its path prefix, as the runner
 * wires it: the code read from the sandbox's admin API approves the verification.
 */
class VerifyFlowTest extends FlowTestSupport {

    private static final String TO = "+15017122661";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getPropertiesComponent().addOverrideProperty("twilio.sandbox.url", sandbox.baseUrl());
        return camel;
    }

    @Test
    void startsAVerificationAndChecksItWithTheCodeSentWhichApprovesIt() throws Exception {
        MockEndpoint done = loadFiredByHand("demo/verify-one-time-code.yaml", "verify-one-time-code");
        done.expectedMessageCount(1);

        producer.sendBody("direct:verify-one-time-code", null);

        done.assertIsSatisfied();
        @SuppressWarnings("unchecked")
        Map<String, Object> check = done.getExchanges().get(0).getMessage().getBody(Map.class);
        assertThat(check).containsEntry("Status", "approved").containsEntry("Valid", true).containsEntry("To", TO);
        String service = (String) check.get("ServiceSid");
        assertThat(service).matches("VA[0-9a-f]{32}");
        assertThat(requestLines()).containsExactly(
                "POST /verify/v2/Services",
                "POST /verify/v2/Services/" + service + "/Verifications",
                "POST /verify/v2/Services/" + service + "/VerificationCheck");
        assertThat(requests().get(1).formParams())
                .isEqualTo(Map.of("To", List.of(TO), "Channel", List.of("sms")));
        assertThat(requests().get(2).formParams().get("Code")).singleElement().asString().matches("\\d{6}");
    }
}
