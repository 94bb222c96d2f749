package dev.twilioconnector.filter;

import dev.twilioconnector.error.FilterSyntaxException;

import java.util.regex.Pattern;

/**
 * A SQL LIKE pattern: {@code %} matches any run of characters, {@code _} exactly one, and a backslash
 * makes the next character literal ({@code \%}, {@code \_}, {@code \\}). Matching is case-sensitive.
 */
public final class LikePattern {

    private final String text;
    private final Pattern regex;

    private LikePattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** Compiles the pattern; a trailing lone backslash is an error reported at {@code column}. */
    static LikePattern compile(String text, int column) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new FilterSyntaxException("filterClause: expected %, _ or \\ after the escape \\ at the end of the LIKE pattern '"
                            + text + "' at column " + column + " but found the end of the pattern", column);
                }
                literal.append(text.charAt(++i));
            } else if (c == '%' || c == '_') {
                flush(literal, regex);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(literal, regex);
        return new LikePattern(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    public boolean matches(String value) {
        return regex.matcher(value).matches();
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LikePattern that && that.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
