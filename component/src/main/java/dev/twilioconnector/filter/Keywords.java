package dev.twilioconnector.filter;

import java.util.Locale;
import java.util.Set;

/** The reserved words of the filter language; they are recognised in any case. */
final class Keywords {

    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "IN", "IS", "NULL", "TRUE", "FALSE");

    private Keywords() {
    }

    static boolean isKeyword(String word) {
        return RESERVED.contains(word.toUpperCase(Locale.ROOT));
    }
}
