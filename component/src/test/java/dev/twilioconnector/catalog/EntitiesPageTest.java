package dev.twilioconnector.catalog;

import dev.twilioconnector.docs.GeneratedPage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code docs/entities/} is the catalog written out: {@code api.md} for the 2010 API, one page per other product
 * ({@code verify.md}), and a {@code README.md} that lists them with their entity counts. When the catalog changes,
 * rewrite them with {@code -Ddocs.update=true} (each page's header gives the command).
 */
class EntitiesPageTest {

    private static final String TEST = "EntitiesPageTest";
    private static final String API_SOURCE =
            "the catalog (`component/src/main/resources/dev/twilioconnector/catalog/entities.json`)";

    @Test
    void entitiesPageListsEveryEntityWithItsOperationsAndFieldsAsTheCatalogHasThem() throws IOException {
        new GeneratedPage("entities/api.md", "Entities of the 2010 API (`/2010-04-01`)", API_SOURCE, TEST)
                .assertReads(EntityReference.markdown(byProduct().get(Entity.API_PRODUCT)));
    }

    @Test
    void eachProductHasAPageOfItsEntities() throws IOException {
        for (Map.Entry<String, List<Entity>> product : byProduct().entrySet()) {
            if (product.getKey().equals(Entity.API_PRODUCT)) {
                continue;
            }
            String host = product.getValue().get(0).host();
            new GeneratedPage("entities/" + product.getKey() + ".md",
                    "Entities of " + productNames(product.getValue()) + " (`" + host + "`)", source(product.getKey()), TEST)
                    .assertReads(EntityReference.markdown(product.getValue()));
        }
    }

    @Test
    void theEntitiesReadmeListsEveryProductWithItsEntityAndOperationCounts() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("The 2010 API's entities have plain names (`Messages`); every other product's are named\n"
                + "`<Product>.<Resource>` (`Verify.Verifications`), the resource being Twilio's operation id without its\n"
                + "verb, in the plural. Where a product has several versions, the newest version that describes a\n"
                + "resource takes the plain product name and older ones add theirs (`Studio.Flows` is v2,\n"
                + "`StudioV1.Flows` v1). `baseUrls[<key>]` points a product elsewhere.\n\n");
        out.append("| Product | Key | Host | Entities | Operations |\n|---|---|---|---|---|\n");
        int entities = 0;
        int operations = 0;
        for (Map.Entry<String, List<Entity>> product : byProduct().entrySet()) {
            int count = product.getValue().stream().mapToInt(entity -> entity.operations().size()).sum();
            out.append("| [").append(product.getKey().equals(Entity.API_PRODUCT) ? "2010 API" : productNames(product.getValue()))
                    .append("](").append(product.getKey()).append(".md) | `").append(product.getKey())
                    .append("` | `").append(product.getValue().get(0).host()).append("` | ")
                    .append(product.getValue().size()).append(" | ").append(count).append(" |\n");
            entities += product.getValue().size();
            operations += count;
        }
        out.append("| All | | | ").append(entities).append(" | ").append(operations).append(" |\n");
        new GeneratedPage("entities/README.md", "Entities by product",
                "the catalog (`component/src/main/resources/dev/twilioconnector/catalog/`)", TEST)
                .assertReads(out.toString());
    }

    /** The entities by product, the 2010 API's first and then the products' by key. */
    private static Map<String, List<Entity>> byProduct() {
        Map<String, List<Entity>> products = new TreeMap<>((a, b) -> a.equals(b) ? 0
                : a.equals(Entity.API_PRODUCT) ? -1 : b.equals(Entity.API_PRODUCT) ? 1 : a.compareTo(b));
        for (Entity entity : Catalog.standard().entities()) {
            products.computeIfAbsent(entity.product(), key -> new ArrayList<>()).add(entity);
        }
        return products;
    }

    /** The names a product's entities start with: {@code Studio, StudioV1}. */
    private static String productNames(Collection<Entity> entities) {
        return String.join(", ", new TreeSet<>(entities.stream()
                .map(entity -> entity.name().substring(0, entity.name().indexOf('.'))).toList()));
    }

    private static String source(String product) {
        return "the catalog (`component/src/main/resources/dev/twilioconnector/catalog/products/" + product + ".json`)";
    }
}
