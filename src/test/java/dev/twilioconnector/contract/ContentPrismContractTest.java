package dev.twilioconnector.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.twilioconnector.contract.PrismProduct.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Content templates, through the catalog's {@code Content.*} (v2) and {@code ContentV1.*} entities, against one Prism
 * serving Twilio's {@code twilio_content_v1.json} and {@code twilio_content_v2.json}, as content.twilio.com serves
 * both: no request refused, the records Twilio's examples. Creating a template and asking for its WhatsApp approval
 * take a JSON body, which the connector does not send yet, so they are not in the battery.
 */
class ContentPrismContractTest {

    private static final String TEMPLATE = "HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static PrismProduct content;

    /** The first example of each list is an empty page. */
    @BeforeAll
    static void startPrism() throws Exception {
        content = PrismProduct.start("content", List.of("twilio_content_v1.json", "twilio_content_v2.json"), Map.of(
                "GET /v2/Content", "readResults", "GET /v2/ContentAndApprovals", "readResults",
                "GET /v1/Content", "readResults", "GET /v1/LegacyContent", "readResults"));
    }

    @AfterAll
    static void stopPrism() {
        if (content != null) {
            content.close();
        }
    }

    @Test
    void everyOperationWithoutAJsonBodyIsAcceptedByTheDescriptions() {
        Map<String, Object> battery = ordered(
                "twilio-connector:Content.Contents/List", null,
                "twilio-connector:Content.ContentAndApprovals/List", null,
                "twilio-connector:Content.LegacyContents/List", null,
                "twilio-connector:Content.ApprovalFetches/Get", Map.of("Sid", TEMPLATE),
                "twilio-connector:ContentV1.Contents/List", null,
                "twilio-connector:ContentV1.Contents/Get?entityId=" + TEMPLATE, null,
                "twilio-connector:ContentV1.ContentAndApprovals/List", null,
                "twilio-connector:ContentV1.Contents/Delete?entityId=" + TEMPLATE, null);
        int before = content.requests().size();

        Map<String, String> refused = content.refused(battery);

        assertThat(refused).as(content::log).isEmpty();
        assertThat(content.requestsSince(before))
                .extracting(ListFormProxy.SentRequest::method, ListFormProxy.SentRequest::path)
                .containsExactly(tuple("GET", "/v2/Content"), tuple("GET", "/v2/ContentAndApprovals"),
                        tuple("GET", "/v1/LegacyContent"), tuple("GET", "/v1/Content/" + TEMPLATE + "/ApprovalRequests"),
                        tuple("GET", "/v1/Content"), tuple("GET", "/v1/Content/" + TEMPLATE),
                        tuple("GET", "/v1/ContentAndApprovals"), tuple("DELETE", "/v1/Content/" + TEMPLATE));
    }

    @Test
    void templatesAreListedByLanguageAndNameAsTwiliosExampleSays() {
        int before = content.requests().size();

        List<Map<String, Object>> templates = content.records("twilio-connector:Content.Contents/List",
                "Language = 'en' AND ContentName = 'content'");

        assertThat(content.requestsSince(before).get(0).query()).containsExactlyInAnyOrder(entry("Language", "en"),
                entry("ContentName", "content"), entry("PageSize", "25"));
        assertThat(templates).extracting(template -> template.get("Sid"), template -> template.get("Name"),
                template -> template.get("Language")).containsExactly(tuple(TEMPLATE, "Some content", "en"),
                tuple(TEMPLATE, "Anotha content", "en"), tuple(TEMPLATE, "Third content", "en"));
        assertThat(templates.get(0)).contains(entry("Variables", Map.of("name", "foo")),
                entry("DateCreated", "2015-07-30T19:00:00Z"));
    }

    @Test
    void aTemplateAndItsWhatsAppApprovalAreRead() {
        Map<String, Object> template = content.record("twilio-connector:ContentV1.Contents/Get?entityId=" + TEMPLATE, null);
        Map<String, Object> approval = content.record("twilio-connector:Content.ApprovalFetches/Get", Map.of("Sid", TEMPLATE));

        assertThat(template).contains(entry("Sid", TEMPLATE), entry("Name", "Some content"), entry("Language", "en"),
                entry("Types", Map.of("twilio/text", Map.of("body", "Foo Bar Co is located at 39.7392, 104.9903"),
                        "twilio/location", Map.of("longitude", 104.9903, "latitude", 39.7392, "label", "Foo Bar Co"))));
        assertThat(approval).contains(entry("Sid", TEMPLATE), entry("Whatsapp", Map.of("type", "whatsapp",
                "name", "tree_fiddy", "category", "UTILITY", "content_type", "twilio/location", "status", "approved",
                "rejection_reason", "", "allow_category_change", true)));
    }
}
