package dev.twilioconnector.runtime;

import org.apache.camel.spi.PropertiesComponent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code twilio.*} short form of the connection's settings: {@code twilio.proxy-host},
 * {@code twilio.proxyHost} and {@code twilio.proxy_host} all mean {@code camel.component.twilio-connector.proxyHost},
 * so that a declarative config with names like {@code proxy_enabled} or {@code proxy_ssltype} binds unchanged.
 */
final class ShortSettings {

    static final String PREFIX = "twilio.";

    private ShortSettings() {
    }

    /** The short settings found, by option name, placeholders resolved. */
    static Map<String, Object> options(PropertiesComponent properties) {
        // twilio.<name> with a dot further on (twilio.flows.dir) belongs to the flows, not to the connection
        Properties found = properties.loadProperties(key -> key.startsWith(PREFIX) && key.indexOf('.', PREFIX.length()) < 0);
        Map<String, Object> options = new LinkedHashMap<>();
        found.stringPropertyNames().forEach(key -> properties.resolveProperty(key)
                .ifPresent(value -> options.put(optionName(key.substring(PREFIX.length())), value)));
        return options;
    }

    /** {@code proxy_ssltype}, {@code proxy-ssl-type} or {@code proxySslType} to the option {@code proxySslType}. */
    static String optionName(String name) {
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
