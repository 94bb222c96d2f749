package dev.twilioconnector.error;

/** The forward proxy refused the connection's credentials (HTTP 407); nothing reached Twilio. */
public class ProxyAuthenticationException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public ProxyAuthenticationException(String message) {
        super(message);
    }
}
