package dev.twilioconnector.runtime;

import dev.twilioconnector.connection.InvalidSettingException;
import dev.twilioconnector.connection.TwilioEnvironment;
import org.apache.camel.spi.PropertiesComponent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the user named a Twilio account anywhere camel-main or the Twilio tools look: the component option
 * (properties, -D, {@code CAMEL_COMPONENT_TWILIO_CONNECTOR_ACCOUNT_SID}), the {@code twilio.} short form, or
 * {@code TWILIO_ACCOUNT_SID}. Without one the runner starts the sandbox, unless credentials are given: a token or
 * key with no account is a broken configuration (a Secret that lost a key), never a wish for the sandbox.
 */
final class AccountSetting {

    private static final List<String> PROPERTIES = List.of("camel.component.twilio-connector.account-sid",
            "camel.component.twilio-connector.accountSid", "twilio.account-sid", "twilio.accountSid", "twilio.account_sid");
    private static final List<String> VARIABLES = List.of(TwilioEnvironment.ACCOUNT_SID,
            "CAMEL_COMPONENT_TWILIO_CONNECTOR_ACCOUNT_SID", "CAMEL_COMPONENT_TWILIOCONNECTOR_ACCOUNTSID");

    private static final List<String> CREDENTIAL_PROPERTIES = List.of("camel.component.twilio-connector.auth-token",
            "camel.component.twilio-connector.authToken", "twilio.auth-token", "twilio.authToken", "twilio.auth_token",
            "camel.component.twilio-connector.api-key-sid", "camel.component.twilio-connector.apiKeySid",
            "twilio.api-key-sid", "twilio.apiKeySid", "twilio.api_key_sid");
    private static final List<String> CREDENTIAL_VARIABLES = List.of(TwilioEnvironment.AUTH_TOKEN, TwilioEnvironment.API_KEY);

    private AccountSetting() {
    }

    /**
     * Whether an account is named; false means the sandbox.
     *
     * @throws InvalidSettingException when credentials are given without an account
     */
    static boolean isSet(PropertiesComponent properties, Map<String, String> environment) {
        boolean account = anySet(properties, PROPERTIES, environment, VARIABLES);
        if (!account && anySet(properties, CREDENTIAL_PROPERTIES, environment, CREDENTIAL_VARIABLES)) {
            throw new InvalidSettingException("accountSid", "is missing while an Auth Token or API Key is set, so the"
                    + " runner does not fall back to the sandbox: set twilio.account_sid,"
                    + " camel.component.twilio-connector.account-sid or " + TwilioEnvironment.ACCOUNT_SID);
        }
        return account;
    }

    private static boolean anySet(PropertiesComponent properties, List<String> names, Map<String, String> environment,
                                  List<String> variables) {
        for (String variable : variables) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return names.stream().map(properties::resolveProperty)
                .flatMap(Optional::stream)
                .anyMatch(value -> !value.isBlank());
    }
}
