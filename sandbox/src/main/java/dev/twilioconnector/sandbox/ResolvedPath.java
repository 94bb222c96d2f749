package dev.twilioconnector.sandbox;

import java.util.Map;

/**
 * A request path resolved against the resource table.
 *
 * @param type     the resource addressed
 * @param bindings parent key fields bound by the path, e.g. {@code parent_sid -> SM...} for a message's Media
 * @param id       the addressed record's id, or {@code null} when the path names the whole list
 */
record ResolvedPath(ResourceType type, Map<String, String> bindings, String id) {

    boolean isInstance() {
        return id != null;
    }

    /** The path of the list, without {@code .json}, e.g. {@code /2010-04-01/Accounts/AC.../Messages/SM.../Media}. */
    String listPath(String account) {
        if (type.isAccounts()) {
            return "/2010-04-01/Accounts";
        }
        StringBuilder path = new StringBuilder("/2010-04-01/Accounts/").append(account);
        for (String segment : type.segments()) {
            path.append('/').append(isVariable(segment) ? bindings.get(variable(segment)) : segment);
        }
        return path.toString();
    }

    /** The {@code uri} Twilio gives the record with this id. */
    String recordUri(String account, String recordId) {
        // a singleton is addressed by its parent; records without a SID of their own have no instance path
        if (type.singleton() || type.prefix() == null) {
            return listPath(account) + ".json";
        }
        return listPath(account) + "/" + recordId + ".json";
    }

    static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static String variable(String segment) {
        return segment.substring(1, segment.length() - 1);
    }
}
