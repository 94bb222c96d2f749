package dev.twilioconnector.catalog;

/** The type of a record field, as the connector presents it (not as Twilio sends it). */
public enum FieldType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    /** An instant: Twilio sends RFC 2822, records carry ISO-8601. */
    DATETIME,
    /** A calendar day, {@code YYYY-MM-DD}. */
    DATE,
    /** A list of values, sent to Twilio as a repeated form parameter. */
    LIST,
    /** A nested JSON object, kept as a map. */
    OBJECT
}
