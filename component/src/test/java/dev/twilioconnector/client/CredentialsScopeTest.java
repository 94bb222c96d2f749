package dev.twilioconnector.client;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials go to the origin of every base URL the connection addresses, a product's as much as the 2010 API's, and
 * to no other. The sandbox's media host, on another port, stands for a product's private endpoint here: it logs the
 * headers it gets, and answers 404 to an address it did not hand out.
 */
class CredentialsScopeTest extends SandboxTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getComponent("twilio-connector", TwilioConnectorComponent.class).getConfiguration()
                .setBaseUrls(Map.of("verify", sandbox.mediaBaseUrl() + "/verify-endpoint"));
        return camel;
    }

    @Test
    void aProductsRequestsCarryTheCredentialsToTheBaseUrlConfiguredForIt() {
        Exchange exchange = call("twilio-connector:Verify.Services/List", null);

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorException.class);
        assertThat(sandbox.mediaRequests()).singleElement().satisfies(request -> {
            assertThat(request.path()).startsWith("/verify-endpoint/v2/Services");
            assertThat(request.header("Authorization")).containsExactly("Basic " + Base64.getEncoder().encodeToString(
                    (sandbox.accountSid() + ":" + sandbox.authToken()).getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void theApiRequestsOfTheSameConnectionStillCarryThem() {
        callOk("twilio-connector:Messages/List", null);

        assertThat(requests()).singleElement().satisfies(request ->
                assertThat(request.authUser()).isEqualTo(sandbox.accountSid()));
        assertThat(sandbox.mediaRequests()).isEmpty();
    }
}
