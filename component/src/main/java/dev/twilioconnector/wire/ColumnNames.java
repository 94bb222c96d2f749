package dev.twilioconnector.wire;

/** Twilio's snake_case keys as the connector's PascalCase column names. */
final class ColumnNames {

    private ColumnNames() {
    }

    static String pascal(String wire) {
        StringBuilder name = new StringBuilder(wire.length());
        boolean upper = true;
        for (char c : wire.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
