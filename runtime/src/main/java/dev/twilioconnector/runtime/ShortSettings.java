package dev.twilioconnector.runtime;

import dev.twilioconnector.error.InvalidSettingException;
import dev.twilioconnector.settings.TwilioEnvironment;
import org.apache.camel.Component;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.PropertyConfigurerGetter;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code twilio.*} short form of the connection's settings: {@code twilio.proxy-host},
 * {@code twilio.proxyHost} and {@code twilio.proxy_host} all mean {@code camel.component.twilio-connector.proxyHost},
 * so that a declarative config with names like {@code proxy_enabled} or {@code proxy_ssltype} binds unchanged.
 * They are read where and in the order camel-main reads its own settings, later sources winning:
 * {@code application.properties}, environment variables ({@code TWILIO_PROXY_HOST}), {@code -D} system properties.
 * Camel's placeholder lookup alone would not do: it lets an environment variable win over a system property.
 */
final class ShortSettings {

    static final String PREFIX = "twilio.";
    private static final String VARIABLE_PREFIX = "TWILIO_";
    /** The Twilio tools' variables, read as those tools do, after the component option (see TwilioEnvironment). */
    private static final Set<String> TWILIO_TOOL_VARIABLES = Set.of(TwilioEnvironment.ACCOUNT_SID,
            TwilioEnvironment.AUTH_TOKEN, TwilioEnvironment.API_KEY, TwilioEnvironment.API_SECRET);

    private ShortSettings() {
    }

    /**
     * The short settings found, by option name, placeholders resolved.
     *
     * @param environment the process's environment variables, where {@code TWILIO_<SETTING>} gives a setting
     * @param isOption    whether a name is one of the connection's options: other variables are no settings
     */
    static Map<String, Object> options(PropertiesComponent properties, Map<String, String> environment,
                                       Predicate<String> isOption) {
        Map<String, String> raw = new LinkedHashMap<>();
        Properties files = properties.loadProperties(ShortSettings::isShortKey);
        files.stringPropertyNames().forEach(key -> putLast(raw, key, files.getProperty(key)));
        environment.forEach((variable, value) -> {
            if (variable.startsWith(VARIABLE_PREFIX) && !TWILIO_TOOL_VARIABLES.contains(variable)) {
                String key = PREFIX + variable.substring(VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT);
                if (isOption.test(optionName(key))) {
                    putLast(raw, key, value);
                }
            }
        });
        System.getProperties().stringPropertyNames().stream().filter(ShortSettings::isShortKey)
                .forEach(key -> putLast(raw, key, System.getProperty(key)));
        Map<String, Object> options = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            String option = optionName(key);
            if (!isOption.test(option)) {
                // named here rather than by Camel's binding error, which would show the value, a secret perhaps
                throw new InvalidSettingException(key, "is not a connection setting: the short form takes the options of"
                        + " camel.component.twilio-connector, e.g. twilio.proxy_host for proxyHost");
            }
            // parseUri takes text without a placeholder for a key, so only text with one is parsed
            options.put(option, value.contains("{{") ? properties.parseUri(value) : value);
        });
        return options;
    }

    /** Puts the key after every other, so that of two spellings of one setting the later source's wins. */
    private static void putLast(Map<String, String> raw, String key, String value) {
        raw.remove(key);
        raw.put(key, value);
    }

    /** Whether a name is one of the component's options, as its generated configurer knows them. */
    static Predicate<String> isOptionOf(Component component) {
        return option -> component.getComponentPropertyConfigurer() instanceof PropertyConfigurerGetter options
                && options.getOptionType(option, true) != null;
    }

    /** twilio.<name>; one with a dot further on (twilio.flows.dir) belongs to the flows, not to the connection. */
    private static boolean isShortKey(String key) {
        return key.startsWith(PREFIX) && key.length() > PREFIX.length() && key.indexOf('.', PREFIX.length()) < 0;
    }

    /** {@code twilio.proxy_ssltype}, {@code twilio.proxy-ssl-type} or {@code twilio.proxySslType} to {@code proxySslType}. */
    static String optionName(String key) {
        String name = key.substring(PREFIX.length());
        if ("proxy_ssltype".equalsIgnoreCase(name) || "proxy-ssltype".equalsIgnoreCase(name)) {
            return "proxySslType";
        }
        StringBuilder option = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                option.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return option.toString();
    }
}
