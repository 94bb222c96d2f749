package dev.twilioconnector.operation;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.HttpBinding;
import dev.twilioconnector.catalog.SidShape;
import dev.twilioconnector.error.TwilioConnectorInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills an operation's path template. Every value is checked against the shape of what it names
 * before it becomes part of a path, so no input can change which resource is addressed.
 */
final class RequestPaths {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern SID = Pattern.compile("^[A-Z]{2}[0-9a-fA-F]{32}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final SidShape SID_SHAPE = SidShape.of(SID.pattern());

    private final String accountSid;
    /** Each path template cut at its placeholders once, not matched again on every request. */
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    RequestPaths(String accountSid) {
        this.accountSid = accountSid;
    }

    /**
     * @param values the entity's id and parent keys by field name
     */
    String expand(Entity entity, HttpBinding binding, String purpose, Map<String, String> values) {
        Template template = templates.computeIfAbsent(binding.path(), Template::of);
        StringBuilder path = new StringBuilder(binding.path().length() + 40);
        for (int i = 0; i < template.placeholders().size(); i++) {
            path.append(template.literals().get(i)).append(value(entity, template.placeholders().get(i), purpose, values));
        }
        return path.append(template.literals().get(template.placeholders().size())).toString();
    }

    private String value(Entity entity, String name, String purpose, Map<String, String> values) {
        boolean id = name.equals(entity.idField());
        if (Entity.ACCOUNT_PLACEHOLDER.equals(name) && !id) {
            return accountSid;
        }
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new TwilioConnectorInputException(id
                    ? purpose + " needs an entityId (option entityId or header CamelTwilioConnectorEntityId) matching "
                            + entity.idPattern()
                    : purpose + " needs " + name + ": give it in the filterClause (" + name + " = '...') or in the payload");
        }
        if (id ? !entity.isValidId(value) : !validParent(entity, name, value)) {
            throw new TwilioConnectorInputException((id ? "entityId" : name) + " '" + value + "' is not a valid "
                    + (id ? entity.name() + " id" : name) + ": expected " + (id ? entity.idPattern() : parentShape(entity, name))
                    + plusReadAsSpace(entity, name, id, value));
        }
        return value;
    }

    /** Camel reads a {@code +} in an endpoint URI as a space: a phone number given there arrives as {@code " 1415..."}. */
    private static String plusReadAsSpace(Entity entity, String name, boolean id, String value) {
        String withPlus = value.replace(' ', '+');
        boolean wouldMatch = id ? entity.isValidId(withPlus) : validParent(entity, name, withPlus);
        return value.indexOf(' ') >= 0 && wouldMatch
                ? " (a '+' in an endpoint URI reads as a space: write " + (id ? "entityId" : name) + "=RAW(" + withPlus
                        + ") or %2B, or give it in a header)"
                : "";
    }

    private static boolean validParent(Entity entity, String name, String value) {
        Optional<Pattern> declared = entity.parentPattern(name);
        if (declared.isPresent()) {
            return declared.get().matcher(value).matches();
        }
        return "CountryCode".equals(name) ? COUNTRY.matcher(value).matches() : SID_SHAPE.matches(value);
    }

    private static String parentShape(Entity entity, String name) {
        return entity.parentPattern(name).orElse("CountryCode".equals(name) ? COUNTRY : SID).pattern();
    }

    /** A path template as the text around its placeholders: one literal more than placeholders. */
    private record Template(List<String> literals, List<String> placeholders) {

        static Template of(String path) {
            List<String> literals = new ArrayList<>();
            List<String> placeholders = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(path);
            int end = 0;
            while (matcher.find()) {
                literals.add(path.substring(end, matcher.start()));
                placeholders.add(matcher.group(1));
                end = matcher.end();
            }
            literals.add(path.substring(end));
            return new Template(List.copyOf(literals), List.copyOf(placeholders));
        }
    }
}
