package dev.twilioconnector.catalog;

import dev.twilioconnector.docs.ReadmeSection;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * The README's entity reference is the catalog written out. When the catalog changes, rewrite it with
 * {@code mvn -pl component test -Dtest=ReadmeReferenceTest -Dreadme.update=true}.
 */
class ReadmeReferenceTest {

    private static final ReadmeSection REFERENCE = new ReadmeSection(
            "<!-- entity-reference:start (generated from the catalog by ReadmeReferenceTest) -->\n",
            "<!-- entity-reference:end -->", "ReadmeReferenceTest");

    @Test
    void readmeListsEveryEntityWithItsOperationsAndFieldsAsTheCatalogHasThem() throws IOException {
        REFERENCE.assertReads(EntityReference.markdown(Catalog.standard()));
    }
}
