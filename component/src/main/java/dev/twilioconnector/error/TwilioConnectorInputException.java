package dev.twilioconnector.error;

/**
 * Bad input caught before any request leaves the process: an unknown entity, an operation the
 * entity does not allow, a malformed SID, a filterClause that does not parse, an unknown field.
 * The message names the problem and the allowed values.
 */
public class TwilioConnectorInputException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public TwilioConnectorInputException(String message) {
        super(message);
    }
}
