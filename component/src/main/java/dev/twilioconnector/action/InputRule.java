package dev.twilioconnector.action;

import java.util.List;

/** A rule over several inputs of an action, checked before any request. */
public sealed interface InputRule {

    /**
     * At least one input of at least one alternative is given; when {@code exclusive}, inputs of only one
     * alternative are ({@code Body} and {@code MediaUrl}, or {@code ContentSid}).
     */
    record Alternatives(List<List<String>> alternatives, boolean exclusive) implements InputRule {
    }

    /** {@code input}, when given, needs {@code needed} as well ({@code SendAt} needs {@code MessagingServiceSid}). */
    record Needs(String input, String needed) implements InputRule {
    }
}
