package dev.twilioconnector.error;

/** A connection setting has a value the connector cannot use; the message names the setting and what it allows. */
public class InvalidSettingException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super("Setting " + setting + " " + problem);
        this.setting = setting;
    }

    /** The component option's name, as in {@code camel.component.twilio-connector.<setting>}. */
    public String getSetting() {
        return setting;
    }
}
