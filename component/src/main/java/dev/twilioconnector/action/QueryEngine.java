package dev.twilioconnector.action;

import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.operation.OperationRunner;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs the SQL of an action that queries ({@code ExecuteCustomQuery}) over the entities. The component holds no SQL
 * engine, so that it stays light: the artifact {@value #ARTIFACT} provides one, registered for {@link ServiceLoader}.
 * It reads every entity's List through the runner it is given, the endpoint's, so a query's requests take the
 * connection's throttle, retries and circuit breaker like any List.
 */
public interface QueryEngine {

    /** The artifact whose engine {@link #find} looks for. */
    String ARTIFACT = "dev.twilioconnector:twilio-connector-sql";

    /**
     * Checks the query before any request (one SELECT that parses, names entities and columns there are, and takes
     * as many {@code ?} parameters as given), then runs it. Pages are read as its rows are pulled.
     *
     * @param parameters the values of its {@code ?} parameters, in order
     * @param maxRows    at most this many rows are read, 0 for every row
     * @throws TwilioConnectorInputException when the query is not one to run, naming the problem; nothing was sent
     */
    QueryRows run(OperationRunner runner, String sql, List<?> parameters, long maxRows);

    /** The engine on the class path, or an error that names the artifact to add. */
    static QueryEngine find(Action action) {
        return ServiceLoader.load(QueryEngine.class, QueryEngine.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new TwilioConnectorInputException("Action " + action.name() + " runs SQL, which"
                        + " needs the artifact " + ARTIFACT + " (Apache Calcite) on the class path beside the component:"
                        + " add that dependency; nothing was sent to Twilio"));
    }
}
