package dev.twilioconnector.runtime;

import dev.twilioconnector.error.InvalidSettingException;
import dev.twilioconnector.runtime.state.StateDatabase;
import org.apache.camel.spi.PropertiesComponent;

import java.util.Map;
import java.util.Optional;

/**
 * The connection's shared state database, from {@code twilio.state.jdbc-url}, {@code twilio.state.username} and
 * {@code twilio.state.password} (a secret: read without Camel's logging lookup, see {@link RunnerSetting}, and named in
 * no message). Not set: no database, each node keeps its state in local files. These settings have a dot after
 * {@code twilio.state}, so the {@code twilio.*} short form of the component's options leaves them alone.
 */
final class StateSettings {

    static final String PREFIX = "twilio.state.";

    private StateSettings() {
    }

    static Optional<StateDatabase> from(PropertiesComponent properties, Map<String, String> environment) {
        RunnerSetting url = RunnerSetting.read(PREFIX + "jdbc-url", properties, environment);
        RunnerSetting username = RunnerSetting.read(PREFIX + "username", properties, environment);
        RunnerSetting password = RunnerSetting.read(PREFIX + "password", properties, environment);
        if (!url.isSet()) {
            if (username.isSet() || password.isSet()) {
                throw new InvalidSettingException(url.key(), "is missing while " + (username.isSet() ? username : password)
                        .key() + " is set: give the state database's JDBC URL, e.g. jdbc:postgresql://db:5432/twilio");
            }
            return Optional.empty();
        }
        if (!url.value().startsWith("jdbc:postgresql:")) {
            throw new InvalidSettingException(url.key(), "'" + StateDatabase.withoutParameters(url.value())
                    + "' is not allowed: the state database is PostgreSQL, jdbc:postgresql://<host>:<port>/<database>");
        }
        return Optional.of(new StateDatabase(url.value(), username.orElse(null), password.orElse(null)));
    }
}
