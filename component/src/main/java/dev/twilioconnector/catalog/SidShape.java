package dev.twilioconnector.catalog;

import java.util.List;

/**
 * The shape most of Twilio's ids have, two capital letters and 32 hex digits, checked by hand: an id is checked on
 * every request that names one, and the regex it is written as cost 2 % of a Get.
 */
public final class SidShape {

    private static final int LENGTH = 34;
    private static final String ANY_PREFIX = "[A-Z]{2}";
    private static final String HEX_DIGITS = "[0-9a-fA-F]{32}$";

    /** The two-letter prefixes allowed; empty for any two capital letters. */
    private final List<String> prefixes;

    private SidShape(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    /**
     * @param pattern a regex such as {@code ^(SM|MM)[0-9a-fA-F]{32}$}
     * @return the shape the regex describes, or null when it describes something else
     */
    public static SidShape of(String pattern) {
        if (!pattern.startsWith("^") || !pattern.endsWith(HEX_DIGITS)) {
            return null;
        }
        String prefix = pattern.substring(1, pattern.length() - HEX_DIGITS.length());
        if (prefix.equals(ANY_PREFIX)) {
            return new SidShape(List.of());
        }
        if (prefix.startsWith("(") && prefix.endsWith(")")) {
            prefix = prefix.substring(1, prefix.length() - 1);
        }
        List<String> prefixes = List.of(prefix.split("\\|", -1));
        for (String one : prefixes) {
            if (one.length() != 2 || !capital(one.charAt(0)) || !capital(one.charAt(1))) {
                return null;
            }
        }
        return new SidShape(prefixes);
    }

    /** What the regex's {@code matcher(id).matches()} says. */
    public boolean matches(String id) {
        if (id.length() != LENGTH || !prefixed(id.charAt(0), id.charAt(1))) {
            return false;
        }
        for (int i = 2; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private boolean prefixed(char first, char second) {
        if (prefixes.isEmpty()) {
            return capital(first) && capital(second);
        }
        for (String prefix : prefixes) {
            if (prefix.charAt(0) == first && prefix.charAt(1) == second) {
                return true;
            }
        }
        return false;
    }

    private static boolean capital(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
