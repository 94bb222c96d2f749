package dev.twilioconnector.catalog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-made id check says what the catalog's regex says, for every id pattern of the catalog. */
class SidShapeTest {

    private static final String HEX = "0123456789abcdef0123456789ABCDEF";

    @Test
    void everyIdPatternOfTheCatalogChecksIdsAsItsRegexDoes() {
        List<String> candidates = candidates();
        int byHand = 0;
        for (Entity entity : Catalog.standard().entities()) {
            if (entity.idPattern() == null) {
                continue;
            }
            Pattern regex = Pattern.compile(entity.idPattern());
            SidShape shape = SidShape.of(entity.idPattern());
            byHand += shape == null ? 0 : 1;
            for (String id : candidates) {
                assertThat(entity.isValidId(id)).as(entity.name() + " " + id).isEqualTo(regex.matcher(id).matches());
            }
        }
        assertThat(byHand).isGreaterThan(40);
    }

    @Test
    void anyTwoCapitalsAsTheParentKeysTakeThem() {
        SidShape shape = SidShape.of("^[A-Z]{2}[0-9a-fA-F]{32}$");
        Pattern regex = Pattern.compile("^[A-Z]{2}[0-9a-fA-F]{32}$");
        for (String id : candidates()) {
            assertThat(shape.matches(id)).as(id).isEqualTo(regex.matcher(id).matches());
        }
        assertThat(shape.matches("ZZ" + HEX)).isTrue();
    }

    @Test
    void patternsOfAnotherShapeAreLeftToTheirRegex() {
        assertThat(SidShape.of("^(CA[0-9a-fA-F]{32}|Front)$")).isNull();
        assertThat(SidShape.of("^(SR[0-9a-fA-F]{32}|[A-Za-z0-9][A-Za-z0-9_-]{0,63})$")).isNull();
        assertThat(SidShape.of("^[A-Z]{2}$")).isNull();
        assertThat(SidShape.of("^(S.|MM)[0-9a-fA-F]{32}$")).isNull();
        assertThat(SidShape.of("^SMS[0-9a-fA-F]{32}$")).isNull();
    }

    private static List<String> candidates() {
        List<String> ids = new ArrayList<>();
        for (String prefix : List.of("SM", "MM", "AC", "CA", "ME", "ZZ", "sm", "S", "SMS", "S1", "", "Sm")) {
            ids.add(prefix + HEX);
            ids.add(prefix + HEX.substring(1));
            ids.add(prefix + HEX + "0");
            ids.add(prefix + HEX.substring(1) + "g");
            ids.add(prefix + HEX.substring(1) + "\u0660");
            ids.add(prefix + HEX + "\n");
        }
        ids.addAll(List.of("", "Front", "US", "my-sip-domain", "SM", "\uff33\uff2d" + HEX));
        return ids;
    }
}
