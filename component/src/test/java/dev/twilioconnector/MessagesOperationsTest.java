package dev.twilioconnector;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

class MessagesOperationsTest extends SandboxTestSupport {

    private static final String SID = "SM3ad97d41e786c02bca47c8ce1745053b";

    @Test
    void createSendsTwilioFormParametersAndReturnsTheCreatedRecord() {
        Object body = callOk("twilio-connector:Messages/Create",
                "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"Hello\"}");

        RecordedRequest sent = requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo(accountPath("Messages.json"));
        assertThat(sent.formParams()).containsExactly(entry("To", List.of("+15558675310")),
                entry("From", List.of("+15017122661")), entry("Body", List.of("Hello")));
        assertThat(sent.authUser()).isEqualTo(sandbox.accountSid());

        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) body;
        assertThat((String) record.get("Sid")).matches("SM[0-9a-f]{32}");
        assertThat(record).contains(entry("To", "+15558675310"), entry("Sender", "+15017122661"), entry("Body", "Hello"),
                entry("AccountSid", sandbox.accountSid()), entry("NumSegments", 1L));
        assertThat((String) record.get("DateCreated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(sandbox.records("Messages")).extracting(m -> m.get("sid")).containsExactly(record.get("Sid"));
    }

    @Test
    void twilioNamesAreAcceptedAsAliasesAndListsGoAsRepeatedParameters() {
        callOk("twilio-connector:Messages/Create", Map.of("To", "+15558675310", "From", "+15017122661",
                "MediaUrl", List.of("https://example.com/a.png", "https://example.com/b.png")));

        assertThat(requests().get(0).formParams()).contains(entry("From", List.of("+15017122661")),
                entry("MediaUrl", List.of("https://example.com/a.png", "https://example.com/b.png")));
    }

    @Test
    void getReturnsTheRecordWithConnectorColumnsIsoDatesAndNumbers() {
        sandbox.put("Messages", Map.of("sid", SID, "to", "+15558675310", "from", "+15017122661", "body", "Hi",
                "date_created", "Fri, 24 May 2019 17:44:46 +0000", "price", "-0.00750", "num_segments", "2"));

        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) callOk("twilio-connector:Messages/Get?entityId=" + SID, null);

        assertThat(requestLines()).containsExactly("GET " + accountPath("Messages/" + SID + ".json"));
        assertThat(record).contains(entry("Sid", SID), entry("Sender", "+15017122661"), entry("Body", "Hi"),
                entry("DateCreated", "2019-05-24T17:44:46Z"), entry("Price", new BigDecimal("-0.00750")),
                entry("NumSegments", 2L));
        assertThat(record).doesNotContainKeys("from", "From", "date_created");
    }

    @Test
    void theEntityIdHeaderWinsOverTheOption() {
        String other = "SM00000000000000000000000000000001";
        sandbox.put("Messages", Map.of("sid", SID, "body", "wanted"));
        sandbox.put("Messages", Map.of("sid", other, "body", "not wanted"));

        Object record = callOk("twilio-connector:Messages/Get?entityId=" + other, null,
                Map.of(TwilioConnectorConstants.ENTITY_ID, SID));

        assertThat(record).asInstanceOf(MAP).containsEntry("Body", "wanted");
    }

    @Test
    void listReturnsOnePageAndATokenThatReadsTheNext() {
        sandbox.seed("Messages", 30);

        Exchange first = call("twilio-connector:Messages/List", null);
        String token = first.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, String.class);
        Exchange second = call("twilio-connector:Messages/List", null, Map.of(TwilioConnectorConstants.PAGE_TOKEN, token));

        assertThat(first.getMessage().getBody(List.class)).hasSize(25);
        assertThat(token).isNotBlank();
        assertThat(second.getMessage().getBody(List.class)).hasSize(5);
        assertThat(second.getMessage().getHeaders()).doesNotContainKey(TwilioConnectorConstants.NEXT_PAGE_TOKEN);
        List<RecordedRequest> sent = requests();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).rawQuery()).isEqualTo("PageSize=25");
        assertThat(sent.get(1).queryParams()).containsKeys("PageToken", "Page").containsEntry("PageSize", List.of("25"));
        List<Object> sids = new ArrayList<>();
        for (Exchange page : List.of(first, second)) {
            for (Object record : page.getMessage().getBody(List.class)) {
                sids.add(((Map<?, ?>) record).get("Sid"));
            }
        }
        assertThat(sids).doesNotHaveDuplicates().hasSize(30);
    }

    @Test
    void pageSizeHeaderWinsOverTheOption() {
        sandbox.seed("Messages", 10);

        Object page = callOk("twilio-connector:Messages/List?pageSize=5", null, Map.of(TwilioConnectorConstants.PAGE_SIZE, 3));

        assertThat((List<?>) page).hasSize(3);
        assertThat(requests().get(0).rawQuery()).isEqualTo("PageSize=3");
    }

    @Test
    void sortByColumnsOrdersTheWholeResult() {
        sandbox.put("Messages", Map.of("sid", "SM00000000000000000000000000000001", "body", "b", "date_created", "2024-06-02T00:00:00Z"));
        sandbox.put("Messages", Map.of("sid", "SM00000000000000000000000000000002", "body", "a", "date_created", "2024-06-01T00:00:00Z"));
        sandbox.put("Messages", Map.of("sid", "SM00000000000000000000000000000003", "body", "a", "date_created", "2024-06-03T00:00:00Z"));

        Exchange first = call("twilio-connector:Messages/List?pageSize=2&sortByColumns=Body ASC, DateCreated DESC", null);
        String token = first.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, String.class);
        Exchange second = call("twilio-connector:Messages/List?pageSize=2&sortByColumns=Body ASC, DateCreated DESC", null,
                Map.of(TwilioConnectorConstants.PAGE_TOKEN, token));

        assertThat(first.getMessage().getBody(List.class)).extracting(r -> ((Map<?, ?>) r).get("Sid"))
                .containsExactly("SM00000000000000000000000000000003", "SM00000000000000000000000000000002");
        assertThat(second.getMessage().getBody(List.class)).extracting(r -> ((Map<?, ?>) r).get("Sid"))
                .containsExactly("SM00000000000000000000000000000001");
        assertThat(second.getMessage().getHeaders()).doesNotContainKey(TwilioConnectorConstants.NEXT_PAGE_TOKEN);
    }

    @Test
    void updateByEntityIdRedactsTheBody() {
        sandbox.put("Messages", Map.of("sid", SID, "body", "secret"));

        Object record = callOk("twilio-connector:Messages/Update?entityId=" + SID, "{\"Body\":\"\"}");

        assertThat(requests().get(0).formParams()).containsExactly(entry("Body", List.of("")));
        assertThat(record).asInstanceOf(MAP)
                .containsEntry("Sid", SID).containsEntry("Body", "");
        assertThat(sandbox.records("Messages").get(0)).containsEntry("body", "");
    }

    @Test
    void updateByFilterClauseTouchesEveryMatchingRecordAndListsTheirSids() {
        sandbox.put("Messages", Map.of("sid", "SM00000000000000000000000000000001", "to", "+15550000001", "body", "a"));
        sandbox.put("Messages", Map.of("sid", "SM00000000000000000000000000000002", "to", "+15550000001", "body", "b"));
        sandbox.put("Messages", Map.of("sid", "SM00000000000000000000000000000003", "to", "+15550000002", "body", "c"));

        Object result = callOk("twilio-connector:Messages/Update", "{\"Body\":\"\"}",
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "To = '+15550000001'"));

        assertThat(result).asInstanceOf(MAP).containsEntry("Count", 2)
                .containsEntry("Sids", List.of("SM00000000000000000000000000000002", "SM00000000000000000000000000000001"));
        assertThat(sandbox.records("Messages")).extracting(m -> m.get("body")).containsExactlyInAnyOrder("", "", "c");
    }

    @Test
    void deleteByEntityIdRemovesTheRecord() {
        sandbox.put("Messages", Map.of("sid", SID));

        Object result = callOk("twilio-connector:Messages/Delete?entityId=" + SID, null);

        assertThat(requestLines()).containsExactly("DELETE " + accountPath("Messages/" + SID + ".json"));
        assertThat(result).isEqualTo(Map.of("Sid", SID));
        assertThat(sandbox.records("Messages")).isEmpty();
    }

    @Test
    void deleteByBareSidFilterDeletesThatRecordOnly() {
        sandbox.put("Messages", Map.of("sid", SID));
        sandbox.put("Messages", Map.of("sid", "SM00000000000000000000000000000009"));

        Object result = callOk("twilio-connector:Messages/Delete", null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE, SID));

        assertThat(result).isEqualTo(Map.of("Count", 1, "Sids", List.of(SID)));
        assertThat(sandbox.records("Messages")).extracting(m -> m.get("sid")).containsExactly("SM00000000000000000000000000000009");
    }

    @Test
    void mediaOfAMessageIsAddressedByItsParentKeyInTheFilterClause() {
        sandbox.put("Messages", Map.of("sid", SID));
        sandbox.put("Messages/" + SID + "/Media", Map.of("sid", "ME00000000000000000000000000000001", "content_type", "image/png"));

        Object page = callOk("twilio-connector:Media/List", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "MessageSid = '" + SID + "'"));

        assertThat(requestLines()).containsExactly("GET " + accountPath("Messages/" + SID + "/Media.json") + "?PageSize=25");
        assertThat((List<?>) page).singleElement().asInstanceOf(MAP)
                .containsEntry("Sid", "ME00000000000000000000000000000001").containsEntry("MessageSid", SID)
                .containsEntry("ContentType", "image/png");
    }
}
