package dev.twilioconnector.catalog.products;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming rule of the products' entities: {@code <Product>.<Resource>}, the resource being the operation id
 * without its verb, in the plural ({@code CreateVerificationCheck} is {@code VerificationChecks},
 * {@code ListCallSummaries} {@code CallSummaries}, {@code FetchSummary} {@code Summaries}).
 */
final class ResourceNames {

    private static final Pattern OPERATION_ID = Pattern.compile("(List|Fetch|Create|Update|Delete)([A-Z].*)");

    /**
     * Where the rule gives two resources one name, the generator stops and names them; each such case is settled
     * here, by operation id, with the reason.
     */
    private static final Map<String, Override> OVERRIDES = Map.of(
            // Assistants: CreateMessage sends a message to an assistant (/v1/Assistants/{id}/Messages), while
            // ListMessages lists the messages of a session (/v1/Sessions/{sessionId}/Messages).
            "twilio_assistants_v1.json ListMessages", new Override("SessionMessages",
                    "the messages of a session, not the messages sent to an assistant"));

    /**
     * Twilio's operations whose paths the rule would take for two resources but that are one: the create and the
     * update of the same record, on paths that put its id in the middle.
     */
    private static final Map<String, String> ONE_RESOURCE = Map.of(
            "twilio_trusthub_v1.json ComplianceInquiries",
            "Create initializes an inquiry, Update re-initializes it by its CustomerId: one inquiry",
            "twilio_trusthub_v1.json ComplianceRegistrations",
            "Create initializes a GB registration inquiry, Update re-initializes it by its RegistrationId: one inquiry");

    private record Override(String resource, String reason) {
    }

    private ResourceNames() {
    }

    /** The verb of an operation id, or empty when it has none of the five. */
    static Optional<String> verb(String operationId) {
        Matcher matcher = OPERATION_ID.matcher(operationId);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The resource an operation of the given description belongs to. */
    static String resource(String file, String operationId) {
        Override override = OVERRIDES.get(file + ' ' + operationId);
        if (override != null) {
            return override.resource();
        }
        Matcher matcher = OPERATION_ID.matcher(operationId);
        if (!matcher.matches()) {
            throw new IllegalStateException(file + ": operation " + operationId
                    + " starts with none of List, Fetch, Create, Update, Delete");
        }
        return plural(matcher.group(2));
    }

    static boolean knownAsOneResource(String file, String resource) {
        return ONE_RESOURCE.containsKey(file + ' ' + resource);
    }

    /** English plurals of the last word, as the 2010 entities have them; a word that is one already stays. */
    static String plural(String name) {
        if (name.matches(".*(ss|us|sh|ch|x|z)")) {
            return name + "es";
        }
        if (name.endsWith("is")) {
            return name.substring(0, name.length() - 2) + "es";
        }
        if (name.matches(".*[^aeiouAEIOU]y")) {
            return name.substring(0, name.length() - 1) + "ies";
        }
        return name.endsWith("s") ? name : name + "s";
    }
}
