package dev.twilioconnector.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a route can do to an entity; the label is the word used in endpoint URIs. */
public enum Operation {
    LIST("List"),
    GET("Get"),
    CREATE("Create"),
    UPDATE("Update"),
    DELETE("Delete");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Case-insensitive lookup by label. */
    public static Optional<Operation> fromLabel(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(op -> op.label.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
