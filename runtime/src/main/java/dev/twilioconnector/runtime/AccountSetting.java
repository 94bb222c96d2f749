package dev.twilioconnector.runtime;

import dev.twilioconnector.connection.TwilioEnvironment;
import org.apache.camel.spi.PropertiesComponent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the user named a Twilio account anywhere camel-main or the Twilio tools look: the component option
 * (properties, -D, {@code CAMEL_COMPONENT_TWILIO_CONNECTOR_ACCOUNT_SID}), the {@code twilio.} short form, or
 * {@code TWILIO_ACCOUNT_SID}. Without one the runner starts the sandbox.
 */
final class AccountSetting {

    private static final List<String> PROPERTIES = List.of("camel.component.twilio-connector.account-sid",
            "camel.component.twilio-connector.accountSid", "twilio.account-sid", "twilio.accountSid", "twilio.account_sid");
    private static final List<String> VARIABLES = List.of(TwilioEnvironment.ACCOUNT_SID,
            "CAMEL_COMPONENT_TWILIO_CONNECTOR_ACCOUNT_SID", "CAMEL_COMPONENT_TWILIOCONNECTOR_ACCOUNTSID");

    private AccountSetting() {
    }

    static boolean isSet(PropertiesComponent properties, Map<String, String> environment) {
        for (String variable : VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return PROPERTIES.stream().map(properties::resolveProperty)
                .flatMap(Optional::stream)
                .anyMatch(value -> !value.isBlank());
    }
}
