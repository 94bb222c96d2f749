package dev.twilioconnector.operation;

import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.HttpBinding;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.error.TwilioConnectorInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each operation's path filled with the account, the id and the parent keys, each checked before it is used. */
class RequestPathsTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String MESSAGE = "SM3ad97d41e786c02bca47c8ce1745053b";
    private static final String MEDIA = "ME557ce644e5ab84fa21cc21112e22c485";
    private static final String HEX = "0123456789abcdef0123456789abcdef";

    private final Catalog catalog = Catalog.standard();
    private final RequestPaths paths = new RequestPaths(ACCOUNT);

    @Test
    void fillsTheAccountTheIdAndTheParentKeysInTheirPlaces() {
        Entity messages = entity("Messages");
        Entity media = entity("Media");
        Entity local = entity("AvailablePhoneNumbersLocal");

        assertThat(expand(messages, Operation.GET, Map.of("Sid", MESSAGE)))
                .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + MESSAGE + ".json");
        assertThat(expand(messages, Operation.LIST, Map.of())).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
        assertThat(expand(media, Operation.GET, Map.of("MessageSid", MESSAGE, "Sid", MEDIA)))
                .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + MESSAGE + "/Media/" + MEDIA + ".json");
        assertThat(expand(local, Operation.LIST, Map.of("CountryCode", "US")))
                .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/AvailablePhoneNumbers/US/Local.json");
        assertThat(expand(entity("Accounts"), Operation.GET, Map.of("Sid", ACCOUNT.replace('0', 'f'))))
                .as("the Accounts entity's own id, not the connection's account")
                .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT.replace('0', 'f') + ".json");
    }

    @Test
    void everyOperationOfTheCatalogGetsItsTemplateWithEachPlaceholderReplaced() {
        int expanded = 0;
        for (Entity entity : catalog.entities()) {
            for (Operation operation : Operation.values()) {
                if (!entity.allows(operation)) {
                    continue;
                }
                HttpBinding binding = entity.binding(operation);
                Map<String, String> values = new HashMap<>();
                String expected = binding.path();
                for (String name : binding.placeholders()) {
                    String value = name.equals(entity.idField()) ? validId(entity)
                            : Entity.ACCOUNT_PLACEHOLDER.equals(name) ? ACCOUNT
                            : "CountryCode".equals(name) ? "GB"
                            : entity.parentPattern(name).map(shape -> valid(shape, entity.name() + " " + name))
                                    .orElse("XX" + HEX);
                    values.put(name, value);
                    expected = expected.replace("{" + name + "}", value);
                }
                String path = paths.expand(entity, binding, "test", values);
                assertThat(path).as(binding.toString()).isEqualTo(expected).doesNotContain("{");
                assertThat(paths.expand(entity, binding, "test", values)).as("again, from the template cut once")
                        .isEqualTo(expected);
                expanded++;
            }
        }
        assertThat(expanded).isGreaterThan(150);
    }

    @Test
    void aMissingOrMalformedValueIsRefusedNamingWhatWasExpected() {
        Entity media = entity("Media");

        assertThatThrownBy(() -> expand(media, Operation.GET, Map.of("MessageSid", MESSAGE)))
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Media Get needs an entityId (option entityId or header CamelTwilioConnectorEntityId) matching"
                        + " ^ME[0-9a-fA-F]{32}$");
        assertThatThrownBy(() -> expand(media, Operation.GET, Map.of("MessageSid", MESSAGE, "Sid", "ME1")))
                .hasMessage("entityId 'ME1' is not a valid Media id: expected ^ME[0-9a-fA-F]{32}$");
        assertThatThrownBy(() -> expand(media, Operation.GET, Map.of("Sid", "../../x")))
                .as("the parent comes first in the path, so it is the one named")
                .hasMessage("Media Get needs MessageSid: give it in the filterClause (MessageSid = '...') or in the payload");
        assertThatThrownBy(() -> expand(media, Operation.GET, Map.of("MessageSid", "SM/../x", "Sid", MEDIA)))
                .hasMessage("MessageSid 'SM/../x' is not a valid MessageSid: expected ^[A-Z]{2}[0-9a-fA-F]{32}$");
        assertThatThrownBy(() -> expand(entity("AvailablePhoneNumbersLocal"), Operation.LIST, Map.of("CountryCode", "usa")))
                .hasMessage("CountryCode 'usa' is not a valid CountryCode: expected ^[A-Z]{2}$");
        assertThatThrownBy(() -> expand(entity("Messages"), Operation.GET, Map.of("Sid", "")))
                .hasMessageStartingWith("Messages Get needs an entityId");
    }

    private String expand(Entity entity, Operation operation, Map<String, String> values) {
        return paths.expand(entity, entity.binding(operation), entity.name() + " " + operation.label(), values);
    }

    private Entity entity(String name) {
        return catalog.entity(name).orElseThrow();
    }

    /** An id of the entity's shape: a country code, or a SID with the first prefix its pattern names. */
    private static String validId(Entity entity) {
        return valid(Pattern.compile(entity.idPattern()), entity.name());
    }

    /**
     * A value of the shape: a country code, a SID with the first prefix the pattern names, or one of the other kinds
     * of ids Twilio's descriptions give (a day, a phone number, an index).
     */
    private static String valid(Pattern shape, String of) {
        List<String> candidates = new ArrayList<>(List.of("US"));
        Matcher prefix = Pattern.compile("[A-Z]{2}").matcher(shape.pattern());
        while (prefix.find()) {
            candidates.add(prefix.group() + HEX);
        }
        candidates.addAll(List.of("2024-06-01", "+14155552671", "12"));
        return candidates.stream().filter(candidate -> shape.matcher(candidate).matches()).findFirst()
                .orElseThrow(() -> new AssertionError("no value of the shape " + shape + " for " + of));
    }
}
