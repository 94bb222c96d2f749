package dev.twilioconnector.error;

/**
 * A record an action waited on ended in a failure status: a message {@code failed}, {@code undelivered} or
 * {@code canceled}. Twilio answered every request; the error is the record's own {@code ErrorCode} and
 * {@code ErrorMessage}, carried as {@link #getCode()} and {@link #getTwilioMessage()} so that a route's error
 * handler decides by code as for any error Twilio answers with. {@link #getStatus()} is the HTTP status of the read
 * that saw the failure.
 */
public class TwilioConnectorStatusException extends TwilioConnectorException {

    private static final long serialVersionUID = 1L;

    private static final String ERROR_PAGES = "https://www.twilio.com/docs/api/errors/";

    private final String sid;
    private final String recordStatus;

    public TwilioConnectorStatusException(String action, String entity, String sid, String recordStatus, Integer code,
                                          String errorMessage) {
        super(describe(action, entity, sid, recordStatus, code, errorMessage), 200, code, errorMessage,
                code == null ? null : ERROR_PAGES + code);
        this.sid = sid;
        this.recordStatus = recordStatus;
    }

    private static String describe(String action, String entity, String sid, String status, Integer code, String message) {
        StringBuilder text = new StringBuilder(action).append(": ").append(entity).append(' ').append(sid)
                .append(" ended with status ").append(status);
        if (code != null) {
            text.append(", Twilio error ").append(code);
        }
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message);
        }
        if (code != null) {
            text.append(" (").append(ERROR_PAGES).append(code).append(')');
        }
        return text.toString();
    }

    /** The SID of the record that failed. */
    public String getSid() {
        return sid;
    }

    /** The failure status the record ended with: failed, undelivered, canceled. */
    public String getRecordStatus() {
        return recordStatus;
    }
}
