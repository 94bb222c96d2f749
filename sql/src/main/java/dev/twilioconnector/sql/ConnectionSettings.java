package dev.twilioconnector.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.TwilioConnectorComponent;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.ConnectionProperty;
import org.apache.calcite.config.CalciteConnectionProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The keys of a {@code jdbc:twilio-connector:} connection, split into the twilio-connector component's options
 * (the connection: {@code accountSid}, {@code authToken}, {@code baseUrl}, {@code transactionsPerSecond}, ...) and
 * Calcite's own connection properties. The component's options are the ones its Camel metadata lists, so the driver
 * takes every setting the component has and no other; secrets are the ones that metadata marks secret, and never
 * leave this class in text.
 */
final class ConnectionSettings {

    private static final String COMPONENT_METADATA = "/META-INF/dev/twilioconnector/twilio-connector.json";
    private static final Options OPTIONS = Options.read();

    /** Calcite's defaults for this driver: names as the catalog writes them (Messages, DateSent), times in UTC. */
    private static final Map<String, String> CALCITE_DEFAULTS = Map.of(
            CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false",
            CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "UNCHANGED",
            CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED",
            CalciteConnectionProperty.QUOTING.camelName(), "DOUBLE_QUOTE",
            CalciteConnectionProperty.TIME_ZONE.camelName(), "UTC");

    /** What JDBC tools call the credentials they ask for. */
    private static final Map<String, String> JDBC_ALIASES = Map.of("user", "accountSid", "password", "authToken");

    private final Map<String, String> component;
    private final Properties calcite;

    private ConnectionSettings(Map<String, String> component, Properties calcite) {
        this.component = Collections.unmodifiableMap(component);
        this.calcite = calcite;
    }

    /** Splits the keys; a key that is neither a component option nor a Calcite property fails, naming the allowed ones. */
    static ConnectionSettings of(Properties keys) throws SQLException {
        Map<String, String> component = new TreeMap<>();
        Properties calcite = new Properties();
        CALCITE_DEFAULTS.forEach(calcite::setProperty);
        for (String key : keys.stringPropertyNames()) {
            String value = keys.getProperty(key);
            String option = OPTIONS.settable.get(JDBC_ALIASES.getOrDefault(key, key).toLowerCase(Locale.ROOT));
            if (option != null) {
                component.put(option, value);
            } else if (OPTIONS.calcite.contains(key.toLowerCase(Locale.ROOT))) {
                calcite.setProperty(key, value);
            } else {
                throw new SQLException("Unknown jdbc:twilio-connector: setting '" + key + "'. Connection settings: "
                        + String.join(", ", new TreeSet<>(OPTIONS.settable.values()))
                        + "; and Calcite's connection properties (e.g. caseSensitive, timeZone)", "08001");
            }
        }
        return new ConnectionSettings(component, calcite);
    }

    /** The component options, by their exact names, to bind on a {@link TwilioConnectorComponent}. */
    Map<String, String> componentOptions() {
        return component;
    }

    Properties calciteProperties() {
        Properties copy = new Properties();
        copy.putAll(calcite);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionSettings settings && settings.component.equals(component);
    }

    @Override
    public int hashCode() {
        return component.hashCode();
    }

    @Override
    public String toString() {
        return component.entrySet().stream()
                .map(entry -> entry.getKey() + '=' + (OPTIONS.secrets.contains(entry.getKey()) ? "******" : entry.getValue()))
                .collect(Collectors.joining(", ", "ConnectionSettings[", "]"));
    }

    /** The component's options that a text value can set (not bean references), by lower-case name, and its secrets. */
    private record Options(Map<String, String> settable, Set<String> secrets, Set<String> calcite) {

        static Options read() {
            try (InputStream in = TwilioConnectorComponent.class.getResourceAsStream(COMPONENT_METADATA)) {
                if (in == null) {
                    throw new IllegalStateException(COMPONENT_METADATA + " is missing from the classpath");
                }
                JsonNode properties = new ObjectMapper().readTree(in).path("componentProperties");
                Map<String, String> settable = new TreeMap<>();
                Set<String> secrets = new TreeSet<>();
                properties.fields().forEachRemaining(entry -> {
                    JsonNode option = entry.getValue();
                    if (!"object".equals(option.path("type").asText())) {
                        settable.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getKey());
                    }
                    if (option.path("secret").asBoolean()) {
                        secrets.add(entry.getKey());
                    }
                });
                Set<String> calcite = Stream.concat(Stream.of(BuiltInConnectionProperty.values()),
                                Stream.of(CalciteConnectionProperty.values()))
                        .map(ConnectionProperty::camelName).map(name -> name.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
                return new Options(Collections.unmodifiableMap(settable), Collections.unmodifiableSet(secrets),
                        Collections.unmodifiableSet(calcite));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + COMPONENT_METADATA, e);
            }
        }
    }
}
