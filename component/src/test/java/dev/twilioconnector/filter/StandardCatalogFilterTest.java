package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.twilioconnector.filter.RecordPredicateTest.record;
import static org.assertj.core.api.Assertions.assertThat;

/** The planner over the catalog that ships with the connector. */
class StandardCatalogFilterTest {

    @Test
    void messagesPushSenderToAndDateSentRangesAndFilterStatusLocally() {
        Entity messages = Catalog.standard().require("Messages");
        FilterPlan plan = FilterPlanner.plan("Status = 'delivered' AND From = '+15017122661' AND To = '+15558675310'"
                + " AND DateSent >= '2024-06-01' AND DateSent < '2024-07-01'", messages);

        assertThat(plan.queryString())
                .isEqualTo("From=%2B15017122661&To=%2B15558675310&DateSent%3E=2024-06-01&DateSent%3C=2024-07-01");
        assertThat(plan.matches(record("Status", "delivered", "Sender", "+15017122661", "To", "+15558675310",
                "DateSent", "2024-06-30T23:59:59Z"))).isTrue();
        assertThat(plan.matches(record("Status", "delivered", "Sender", "+15017122661", "To", "+15558675310",
                "DateSent", "2024-07-01T00:00:00Z"))).isFalse();
        assertThat(plan.matches(record("Status", "failed", "Sender", "+15017122661", "To", "+15558675310",
                "DateSent", "2024-06-30T23:59:59Z"))).isFalse();
    }

    @Test
    void mediaTakesItsMessageFromTheClause() {
        Entity media = Catalog.standard().require("Media");
        String message = "MM" + "0".repeat(32);
        FilterPlan plan = FilterPlanner.plan("MessageSid = '" + message + "' AND DateCreated > '2024-06-01'", media);

        assertThat(plan.parentKeys()).isEqualTo(Map.of("MessageSid", message));
        assertThat(plan.queryParameters()).isEqualTo(Map.of("DateCreated>", List.of("2024-06-01")));
        assertThat(plan.matches(record("DateCreated", "2024-06-02T00:00:00Z"))).isTrue();
        assertThat(plan.matches(record("DateCreated", "2024-06-01T12:00:00Z"))).isFalse();
    }

    /**
     * An entity's id is taken bare as {@code Sid = '<id>'} when it is a SID, two letters and 32 hexadecimal digits.
     * Every entity of the catalog is either checked or set aside with the reason its ids cannot be bare SIDs; one
     * whose id pattern starts with a SID's two letters but refuses the SID made from them fails.
     */
    @Test
    void everyEntityWithAnIdTakesABareSid() {
        Collection<Entity> entities = Catalog.standard().entities();
        List<String> checked = new ArrayList<>();
        Map<String, String> setAside = new TreeMap<>();
        for (Entity entity : entities) {
            Optional<String> noSid = whyNoSid(entity);
            if (noSid.isPresent()) {
                setAside.put(entity.name(), noSid.get());
                continue;
            }
            assertThat(entity.field(entity.idField())).as(entity.name() + "'s id field " + entity.idField()).isPresent();
            Matcher prefix = SID_PREFIX.matcher(entity.idPattern());
            prefix.find();
            String sid = prefix.group(1) + "0123456789abcdef0123456789abcdef";
            assertThat(entity.isValidId(sid)).as(entity.name() + " takes " + sid + " as an id").isTrue();
            assertThat(FilterPlanner.plan(sid, entity).idEquality()).as(entity.name()).contains(sid);
            checked.add(entity.name());
        }
        assertThat(checked).as("entities checked; set aside: " + setAside).contains("Messages", "Calls", "Recordings")
                // the newer products address many records by SID or unique name alike, a pattern that is no SID's
                .hasSizeGreaterThan(entities.size() / 3);
    }

    /** The two capital letters a SID pattern starts with, e.g. CA in ^CA[0-9a-fA-F]{32}$ or SM in ^(SM|MM)... */
    private static final Pattern SID_PREFIX = Pattern.compile("^\\^\\(?([A-Z]{2})");

    private static Optional<String> whyNoSid(Entity entity) {
        if (entity.idField() == null) {
            return Optional.of("no id field");
        }
        if (entity.idPattern() == null) {
            return Optional.of("no id pattern");
        }
        if (!SID_PREFIX.matcher(entity.idPattern()).find()) {
            return Optional.of("its ids are not SIDs: " + entity.idPattern());
        }
        if (entity.field(entity.idField()).filter(Field::returned).isEmpty()) {
            return Optional.of("Twilio answers no record that carries the id (" + entity.operationLabels() + ")");
        }
        return Optional.empty();
    }
}
