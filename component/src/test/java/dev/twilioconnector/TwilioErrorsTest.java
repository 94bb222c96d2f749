package dev.twilioconnector;

import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's errors reach the route as TwilioConnectorException with Twilio's status, code, message and link. */
class TwilioErrorsTest extends SandboxTestSupport {

    private static final String MISSING = "SM00000000000000000000000000000404";

    @Test
    void recordThatDoesNotExistGives404WithCode20404() {
        Exchange exchange = call("twilio-connector:Messages/Get?entityId=" + MISSING, null);

        TwilioConnectorException error = exchange.getException(TwilioConnectorException.class);
        assertThat(error.getStatus()).isEqualTo(404);
        assertThat(error.getCode()).isEqualTo(20404);
        assertThat(error.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/20404");
        assertThat(error.getMessage()).startsWith("Twilio answered HTTP 404 with error 20404 to Messages Get (GET "
                + accountPath("Messages/" + MISSING + ".json") + "): ");
    }

    @Test
    void missingRequiredFieldOnTwilioSideGives400WithTwilioCode() {
        Exchange exchange = call("twilio-connector:Messages/Create", "{\"To\":\"+15558675310\",\"Body\":\"Hello\"}");

        TwilioConnectorException error = exchange.getException(TwilioConnectorException.class);
        assertThat(error.getStatus()).isEqualTo(400);
        assertThat(error.getCode()).isEqualTo(21603);
        assertThat(error.getTwilioMessage()).isNotBlank();
    }

    @Test
    void wrongCredentialsGive401WithCode20003AndNeverShowTheToken() throws Exception {
        TwilioConnectorComponent wrong = new TwilioConnectorComponent();
        wrong.setAccountSid(sandbox.accountSid());
        wrong.setAuthToken("not-the-token-0123456789");
        wrong.setBaseUrl(sandbox.baseUrl());
        context.addComponent("twilio-wrong", wrong);

        Exchange exchange = call("twilio-wrong:Messages/List", null);

        TwilioConnectorException error = exchange.getException(TwilioConnectorException.class);
        assertThat(error.getStatus()).isEqualTo(401);
        assertThat(error.getCode()).isEqualTo(20003);
        assertThat(error.getMessage()).doesNotContain("not-the-token-0123456789");
        assertThat(wrong.toString()).doesNotContain("not-the-token-0123456789");
    }

    @Test
    void apiKeyAndSecretAuthenticateInPlaceOfTheAuthToken() throws Exception {
        String keySid = "SK0123456789abcdef0123456789abcdef";
        sandbox.addApiKey(keySid, "key-secret");
        sandbox.clearRequests();
        TwilioConnectorComponent keyed = new TwilioConnectorComponent();
        keyed.setAccountSid(sandbox.accountSid());
        keyed.setApiKeySid(keySid);
        keyed.setApiKeySecret("key-secret");
        keyed.setBaseUrl(sandbox.baseUrl());
        context.addComponent("twilio-keyed", keyed);

        Object page = callOk("twilio-keyed:Messages/List", null, Map.of());

        assertThat(page).isInstanceOf(List.class);
        assertThat(requests()).singleElement().satisfies(request -> {
            assertThat(request.authUser()).isEqualTo(keySid);
            assertThat(request.path()).isEqualTo(accountPath("Messages.json"));
        });
    }
}
