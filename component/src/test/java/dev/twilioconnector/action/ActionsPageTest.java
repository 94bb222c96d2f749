package dev.twilioconnector.action;

import dev.twilioconnector.docs.GeneratedPage;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * {@code docs/actions.md} is the action catalog written out. When the catalog changes, rewrite it with
 * {@code -Ddocs.update=true} (the page's header gives the command).
 */
class ActionsPageTest {

    private static final GeneratedPage PAGE = new GeneratedPage("actions.md", "Actions",
            "the action catalog (`component/src/main/resources/dev/twilioconnector/catalog/actions.json`)", "ActionsPageTest");

    @Test
    void actionsPageListsEveryActionWithItsInputsRulesRequestAndOutputAsTheCatalogHasThem() throws IOException {
        PAGE.assertReads(ActionReference.markdown(ActionCatalog.standard()));
    }
}
