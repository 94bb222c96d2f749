package dev.twilioconnector.catalog;

import dev.twilioconnector.docs.GeneratedPage;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * {@code docs/entities/api.md} is the catalog of the 2010 API written out. When the catalog changes, rewrite it
 * with {@code -Ddocs.update=true} (the page's header gives the command).
 */
class EntitiesPageTest {

    private static final GeneratedPage PAGE = new GeneratedPage("entities/api.md",
            "Entities of the 2010 API (`/2010-04-01`)",
            "the catalog (`component/src/main/resources/dev/twilioconnector/catalog/entities.json`)", "EntitiesPageTest");

    @Test
    void entitiesPageListsEveryEntityWithItsOperationsAndFieldsAsTheCatalogHasThem() throws IOException {
        PAGE.assertReads(EntityReference.markdown(Catalog.standard()));
    }
}
