package dev.twilioconnector.error;

/**
 * The root of every exception the connector raises, so that one {@code onException(ConnectorException.class)}
 * catches them all: bad input ({@link TwilioConnectorInputException}, {@link InvalidSettingException}), an error
 * answered by Twilio ({@link TwilioConnectorException}), a request the connection refused to send
 * ({@link TwilioConnectorThrottledException}, {@link TwilioConnectorCircuitOpenException}), one whose outcome is
 * unknown ({@link TwilioConnectorOutcomeUnknownException}), a proxy or a state repository that failed.
 *
 * <p>A new root rather than {@link TwilioConnectorException}: that class has always meant "Twilio answered with an
 * error", and routes catch it to read {@code getStatus()} and {@code getCode()}. Made the root, it would also catch
 * throttled, refused and invalid requests in those routes, a change of behaviour no compiler would point out; as a
 * sibling under this root it keeps its meaning and its methods.
 *
 * <p>I/O failures stay {@link java.io.UncheckedIOException}s, as the HTTP client raises them: retries and the
 * circuit breaker classify them by that type.
 */
public abstract class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ConnectorException(String message) {
        super(message);
    }

    protected ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
