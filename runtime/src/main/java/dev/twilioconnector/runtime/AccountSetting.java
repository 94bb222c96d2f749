package dev.twilioconnector.runtime;

import dev.twilioconnector.error.InvalidSettingException;
import dev.twilioconnector.settings.TwilioEnvironment;
import org.apache.camel.spi.PropertiesComponent;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the user named a Twilio account anywhere camel-main or the Twilio tools look: the component option
 * (properties, -D, {@code CAMEL_COMPONENT_TWILIO_CONNECTOR_ACCOUNT_SID}), the {@code twilio.} short form in any
 * spelling {@link ShortSettings} binds, or {@code TWILIO_ACCOUNT_SID}. Without one the runner starts the sandbox,
 * unless credentials are given: a token or key with no account is a broken configuration (a Secret that lost a
 * key), never a wish for the sandbox.
 */
final class AccountSetting {

    private static final String COMPONENT_PREFIX = "camel.component.twilio-connector.";

    private AccountSetting() {
    }

    /**
     * Whether an account is named; false means the sandbox.
     *
     * @throws InvalidSettingException when credentials are given without an account
     */
    static boolean isSet(PropertiesComponent properties, Map<String, String> environment) {
        // every option counts here: which are the component's is only known once it exists
        Map<String, Object> shortForm = ShortSettings.options(properties, environment, option -> true);
        boolean account = given("accountSid", properties, shortForm, environment, List.of(TwilioEnvironment.ACCOUNT_SID,
                "CAMEL_COMPONENT_TWILIO_CONNECTOR_ACCOUNT_SID", "CAMEL_COMPONENT_TWILIOCONNECTOR_ACCOUNTSID"));
        if (!account && (given("authToken", properties, shortForm, environment, List.of(TwilioEnvironment.AUTH_TOKEN))
                || given("apiKeySid", properties, shortForm, environment, List.of(TwilioEnvironment.API_KEY)))) {
            throw new InvalidSettingException("accountSid", "is missing while an Auth Token or API Key is set, so the"
                    + " runner does not fall back to the sandbox: set twilio.account_sid,"
                    + " camel.component.twilio-connector.account-sid or " + TwilioEnvironment.ACCOUNT_SID);
        }
        return account;
    }

    private static boolean given(String option, PropertiesComponent properties, Map<String, Object> shortForm,
                                 Map<String, String> environment, List<String> variables) {
        return variables.stream().map(environment::get).anyMatch(AccountSetting::isText)
                || shortForm.entrySet().stream().anyMatch(setting -> setting.getKey().equalsIgnoreCase(option)
                        && isText(setting.getValue()))
                || List.of(COMPONENT_PREFIX + option, COMPONENT_PREFIX + kebab(option)).stream()
                        .anyMatch(key -> isText(componentOption(properties, key)));
    }

    /**
     * The value of a component option from {@code -D} or the properties, read as camel-main reads them to bind it:
     * not through a placeholder lookup, which Camel logs at TRACE with the value it found, a secret perhaps.
     */
    private static String componentOption(PropertiesComponent properties, String key) {
        String system = System.getProperty(key);
        return system != null ? system : properties.loadProperties(key::equals).getProperty(key);
    }

    /** {@code accountSid} to {@code account-sid}. */
    private static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static boolean isText(Object value) {
        return value != null && !value.toString().isBlank();
    }
}
