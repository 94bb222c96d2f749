package dev.twilioconnector.filter;

import java.util.Locale;

/**
 * One token of a filterClause.
 *
 * @param type   what kind of token it is
 * @param text   for a string its unquoted value, for anything else the characters as written
 * @param raw    the characters as written, quotes included
 * @param column the 1-based column of its first character
 */
record Token(Type type, String text, String raw, int column) {

    enum Type {
        IDENTIFIER, STRING, NUMBER, OPERATOR, LEFT_PAREN, RIGHT_PAREN, COMMA, END
    }

    boolean is(Type wanted) {
        return type == wanted;
    }

    /** True for an identifier spelling the keyword, in any case. */
    boolean isKeyword(String keyword) {
        return type == Type.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** How the token is named in error messages. */
    String describe() {
        return switch (type) {
            case END -> "end of input";
            case STRING -> "string " + raw;
            case NUMBER -> "number " + raw;
            case IDENTIFIER -> Keywords.isKeyword(text) ? text.toUpperCase(Locale.ROOT) : "'" + text + "'";
            default -> "'" + raw + "'";
        };
    }
}
