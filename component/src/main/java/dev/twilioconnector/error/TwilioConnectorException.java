package dev.twilioconnector.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Twilio answered with an error. Carries the HTTP status and Twilio's own error {@code code},
 * {@code message} and {@code more_info}, so a route's error handler can decide by code.
 */
public class TwilioConnectorException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Integer code;
    private final String twilioMessage;
    private final String moreInfo;
    private final Duration retryAfter;

    public TwilioConnectorException(int status, Integer code, String twilioMessage, String moreInfo, String request) {
        this(status, code, twilioMessage, moreInfo, request, null);
    }

    public TwilioConnectorException(int status, Integer code, String twilioMessage, String moreInfo, String request,
                                    Duration retryAfter) {
        super(describe(status, code, twilioMessage, moreInfo, request));
        this.status = status;
        this.code = code;
        this.twilioMessage = twilioMessage;
        this.moreInfo = moreInfo;
        this.retryAfter = retryAfter;
    }

    /** For an error Twilio reports in a record rather than in an answer, which words its message itself. */
    protected TwilioConnectorException(String message, int status, Integer code, String twilioMessage, String moreInfo) {
        super(message);
        this.status = status;
        this.code = code;
        this.twilioMessage = twilioMessage;
        this.moreInfo = moreInfo;
        this.retryAfter = null;
    }

    private static String describe(int status, Integer code, String message, String moreInfo, String request) {
        StringBuilder text = new StringBuilder("Twilio answered HTTP ").append(status);
        if (code != null) {
            text.append(" with error ").append(code);
        }
        text.append(" to ").append(request);
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message);
        }
        if (moreInfo != null && !moreInfo.isBlank()) {
            text.append(" (").append(moreInfo).append(')');
        }
        return text.toString();
    }

    /** The HTTP status Twilio answered with. */
    public int getStatus() {
        return status;
    }

    /** Twilio's error code (e.g. 20404, 21604), or null when the body carried none. */
    public Integer getCode() {
        return code;
    }

    /** Twilio's own error message. */
    public String getTwilioMessage() {
        return twilioMessage;
    }

    /** Twilio's link to the error's documentation. */
    public String getMoreInfo() {
        return moreInfo;
    }

    /** How long Twilio asked to wait before trying again (its {@code Retry-After} header), when it said. */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
