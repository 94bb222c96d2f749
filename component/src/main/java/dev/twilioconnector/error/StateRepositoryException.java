package dev.twilioconnector.error;

/** A state repository could not read or write: the database is down, unreachable or refused the statement. */
public class StateRepositoryException extends ConnectorException {

    public StateRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
