package dev.twilioconnector.catalog.products;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The products' catalog files are what {@link ProductCatalogGenerator} writes from Twilio's descriptions now: the
 * test fails while they differ, and with {@code -Dcatalog.update=true} it rewrites them (and removes a product's file
 * that nothing writes any more). Nothing generated is edited by hand.
 */
class ProductCatalogsTest {

    static final Path DIR = Path.of("src/main/resources/dev/twilioconnector/catalog/products");

    private static Map<String, String> generated;

    @BeforeAll
    static void generate() {
        generated = ProductCatalogGenerator.generate(ProductDescription.all());
    }

    @Test
    void theCommittedCatalogFilesAreWhatTheGeneratorWritesFromTheDescriptions() throws IOException {
        Map<String, String> committed = committed();
        if (Boolean.getBoolean("catalog.update") && !committed.equals(generated)) {
            Files.createDirectories(DIR);
            for (String stale : committed.keySet()) {
                if (!generated.containsKey(stale)) {
                    Files.delete(DIR.resolve(stale));
                }
            }
            for (Map.Entry<String, String> file : generated.entrySet()) {
                Files.writeString(DIR.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return;
        }
        assertThat(committed.keySet()).as("catalog files in " + DIR + ": rerun ProductCatalogsTest with -Dcatalog.update=true")
                .containsExactlyElementsOf(generated.keySet());
        generated.forEach((file, text) -> assertThat(committed.get(file))
                .as(DIR.resolve(file) + " is stale: rerun ProductCatalogsTest with -Dcatalog.update=true").isEqualTo(text));
    }

    @Test
    void theNamingRuleGivesTheNamesTheIssueLists() {
        String all = String.join("\n", generated.values());
        for (String name : List.of("Verify.Services", "Verify.Verifications", "Verify.VerificationChecks",
                "Messaging.Services", "Conversations.Conversations", "Conversations.ConversationMessages",
                "Conversations.ConversationParticipants", "Lookups.PhoneNumbers", "Insights.CallSummaries",
                "Insights.Summaries", "Insights.Metrics", "Insights.Events", "Insights.Annotations", "Studio.Flows",
                "StudioV1.Flows", "Taskrouter.Workspaces", "Content.Contents", "ContentV1.Contents")) {
            assertThat(all).as(name).contains("{\"name\":\"" + name + "\",");
        }
    }

    @Test
    void theResourceIsTheOperationIdWithoutItsVerbInThePlural() {
        assertThat(ResourceNames.resource("twilio_verify_v2.json", "CreateVerification")).isEqualTo("Verifications");
        assertThat(ResourceNames.resource("twilio_verify_v2.json", "CreateVerificationCheck")).isEqualTo("VerificationChecks");
        assertThat(ResourceNames.resource("twilio_conversations_v1.json", "ListConversationMessage"))
                .isEqualTo("ConversationMessages");
        assertThat(ResourceNames.resource("twilio_lookups_v2.json", "FetchPhoneNumber")).isEqualTo("PhoneNumbers");
        assertThat(ResourceNames.resource("twilio_insights_v1.json", "ListCallSummaries")).isEqualTo("CallSummaries");
        assertThat(ResourceNames.resource("twilio_insights_v1.json", "FetchSummary")).isEqualTo("Summaries");
        assertThat(ResourceNames.resource("twilio_verify_v2.json", "CreateService")).isEqualTo("Services");
        assertThat(ResourceNames.resource("twilio_monitor_v2.json", "UpdateAlarmStatus")).isEqualTo("AlarmStatuses");
        assertThat(ResourceNames.resource("twilio_taskrouter_v1.json", "FetchActivity")).isEqualTo("Activities");
        assertThatThrownBy(() -> ResourceNames.resource("twilio_verify_v2.json", "StartVerification"))
                .hasMessage("twilio_verify_v2.json: operation StartVerification starts with none of List, Fetch, Create,"
                        + " Update, Delete");
    }

    @Test
    void twoResourcesThatTheRuleGivesOneNameStopTheGeneratorWithBothNamed() {
        List<ProductDescription> withoutOverride = ProductDescription.all().stream()
                .map(description -> description.file().equals("twilio_assistants_v1.json")
                        ? new ProductDescription("assistants", "Assistants", 1, "twilio_assistants_copy.json",
                                description.document())
                        : description)
                .toList();
        assertThatThrownBy(() -> ProductCatalogGenerator.generate(withoutOverride))
                .hasMessage("twilio_assistants_copy.json: the naming rule gives two resources the name Messages:"
                        + " CreateMessage (POST /v1/Assistants/{id}/Messages) and ListMessages"
                        + " (GET /v1/Sessions/{sessionId}/Messages); settle it in ResourceNames");
    }

    private static Map<String, String> committed() throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(DIR)) {
            return files;
        }
        try (Stream<Path> listing = Files.list(DIR)) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
