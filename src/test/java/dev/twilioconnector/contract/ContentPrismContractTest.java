package dev.twilioconnector.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.Exchange;
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
 * both: no request refused, the records Twilio's examples, each request recorded exactly as sent. Creating a template
 * and asking for its WhatsApp approval take a JSON body, which Prism refuses as a form.
 */
class ContentPrismContractTest {

    private static final String TEMPLATE = "HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String CREATE = "{\"Name\":\"order_update\",\"Language\":\"en\",\"Variables\":{\"1\":\"Owl\"},"
            + "\"Types\":{\"twilio/text\":{\"body\":\"Your order {{1}} is on its way\"}}}";
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void everyOperationIsAcceptedByTheDescriptions() {
        Map<String, Object> battery = ordered(
                "twilio-connector:ContentV1.Contents/Create", CREATE,
                "twilio-connector:Content.ApprovalCreates/Create",
                Map.of("ContentSid", TEMPLATE, "Name", "order_update", "Category", "UTILITY"),
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
                .extracting(RecordingProxy.SentRequest::method, RecordingProxy.SentRequest::path)
                .containsExactly(tuple("POST", "/v1/Content"),
                        tuple("POST", "/v1/Content/" + TEMPLATE + "/ApprovalRequests/whatsapp"), tuple("GET", "/v2/Content"), tuple("GET", "/v2/ContentAndApprovals"),
                        tuple("GET", "/v1/LegacyContent"), tuple("GET", "/v1/Content/" + TEMPLATE + "/ApprovalRequests"),
                        tuple("GET", "/v1/Content"), tuple("GET", "/v1/Content/" + TEMPLATE),
                        tuple("GET", "/v1/ContentAndApprovals"), tuple("DELETE", "/v1/Content/" + TEMPLATE));
    }

    @Test
    void templatesAreListedByLanguageAndNameAsTwiliosExampleSays() {
        int before = content.requests().size();

        List<Map<String, Object>> templates = content.records("twilio-connector:Content.Contents/List",
                "Language = 'en' AND ContentName = 'content'");

        assertThat(content.requestsSince(before).get(0).queryParameters()).containsExactlyInAnyOrder(entry("Language", "en"),
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

    /**
     * Content v2 names the bounds of a template's creation {@code DateCreatedAfter} ("Filter by >=") and
     * {@code DateCreatedBefore} ("Filter by <="), date-times: a day is sent as its midnight, and up to a day as
     * before the next one's.
     */
    @Test
    void boundsOfTheDateCreatedGoToTwiliosAfterAndBefore() {
        int before = content.requests().size();

        content.records("twilio-connector:Content.Contents/List",
                "DateCreated >= '2024-06-01' AND DateCreated <= '2024-06-30' AND Language = 'en'");

        assertThat(content.requestsSince(before)).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v2/Content?DateCreatedAfter=2024-06-01T00%3A00%3A00Z&DateCreatedBefore=2024-07-01T00%3A00%3A00Z"
                        + "&Language=en&PageSize=25");
    }

    @Test
    void aTemplateIsCreatedWithItsTypesAndVariablesAsAJsonBody() throws Exception {
        int before = content.requests().size();

        Map<String, Object> created = content.record("twilio-connector:ContentV1.Contents/Create", CREATE);

        assertThat(created).contains(entry("Sid", TEMPLATE), entry("Language", "en"),
                entry("Variables", Map.of("name", "foo")), entry("DateCreated", "2015-07-30T19:00:00Z"));
        List<RecordingProxy.SentRequest> sent = content.requestsSince(before);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).line()).isEqualTo("POST /v1/Content");
        assertThat(sent.get(0).headers()).containsEntry("content-type", "application/json; charset=UTF-8");
        assertThat(JSON.readTree(sent.get(0).body())).isEqualTo(JSON.readTree("{\"friendly_name\":\"order_update\","
                + "\"language\":\"en\",\"variables\":{\"1\":\"Owl\"},"
                + "\"types\":{\"twilio/text\":{\"body\":\"Your order {{1}} is on its way\"}}}"));
    }

    /** The description types {@code types} as an object; JSON text given for it is sent as the object it holds. */
    @Test
    void aTemplateWhoseTypesAreGivenAsJsonTextIsAccepted() {
        Exchange created = content.call("twilio-connector:ContentV1.Contents/Create",
                "{\"Language\":\"en\",\"Types\":\"{\\\"twilio/text\\\":{\\\"body\\\":\\\"Hi\\\"}}\"}");

        assertThat(created.getException()).as(content::log).isNull();
    }

    @Test
    void aTemplateIsAskedForWhatsAppApprovalWithAJsonBody() throws Exception {
        int before = content.requests().size();

        Map<String, Object> approval = content.record("twilio-connector:Content.ApprovalCreates/Create",
                Map.of("ContentSid", TEMPLATE, "Name", "order_update", "Category", "UTILITY"));

        RecordingProxy.SentRequest sent = content.requestsSince(before).get(0);
        assertThat(sent.line()).isEqualTo("POST /v1/Content/" + TEMPLATE + "/ApprovalRequests/whatsapp");
        assertThat(sent.headers()).containsEntry("content-type", "application/json; charset=UTF-8");
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("{\"name\":\"order_update\",\"category\":\"UTILITY\"}"));
        assertThat(approval).contains(entry("Name", "tree_fiddy"), entry("Category", "UTILITY"),
                entry("Status", "unsubmitted"), entry("AllowCategoryChange", true));
    }

    @Test
    void aTemplateIsListedReadAndDeleted() {
        int before = content.requests().size();

        List<Map<String, Object>> listed = content.records("twilio-connector:ContentV1.Contents/List?pageSize=10");
        Map<String, Object> read = content.record("twilio-connector:ContentV1.Contents/Get", null,
                Map.of(TwilioConnectorConstants.ENTITY_ID, TEMPLATE));
        Map<String, Object> deleted = content.record("twilio-connector:ContentV1.Contents/Delete?entityId=" + TEMPLATE, null);

        assertThat(listed).extracting(template -> template.get("Name"))
                .containsExactly("Some content", "Anotha content", "Third content");
        assertThat(read).contains(entry("Sid", TEMPLATE), entry("Language", "en"));
        assertThat(deleted).containsExactly(entry("Sid", TEMPLATE));
        List<RecordingProxy.SentRequest> sent = content.requestsSince(before);
        assertThat(sent).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v1/Content?PageSize=10",
                "GET /v1/Content/" + TEMPLATE,
                "DELETE /v1/Content/" + TEMPLATE);
        assertThat(sent).extracting(RecordingProxy.SentRequest::body).containsOnly("");
    }
}
