package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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

    @Test
    void everyEntityWithAnIdTakesABareSid() {
        for (Entity entity : Catalog.standard().entities()) {
            if (entity.idField() == null || entity.idPattern() == null || entity.field(entity.idField()).isEmpty()) {
                continue;
            }
            String prefix = entity.idPattern().replaceAll("^\\^\\(?([A-Z]{2}).*$", "$1");
            String sid = prefix + "0123456789abcdef0123456789abcdef";
            if (entity.isValidId(sid)) {
                assertThat(FilterPlanner.plan(sid, entity).idEquality()).as(entity.name()).contains(sid);
            }
        }
    }
}
