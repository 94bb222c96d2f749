package dev.twilioconnector.products;

import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messaging Services and Studio Flows through the catalog, every operation, against the sandbox's generic CRUD of
 * those products, each under its own prefix as {@code baseUrls} points them.
 */
class DescribedProductsOverSandboxTest extends SandboxTestSupport {

    private static final String ISO_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Test
    void aMessagingServiceIsCreatedReadUpdatedListedAndDeleted() {
        Map<String, Object> created = record(callOk("twilio-connector:Messaging.Services/Create",
                Map.of("Name", "Alerts", "StickySender", false, "ValidityPeriod", 600)));
        String sid = (String) created.get("Sid");
        Map<String, Object> fetched = record(callOk("twilio-connector:Messaging.Services/Get?entityId=" + sid, null));
        Map<String, Object> updated = record(callOk("twilio-connector:Messaging.Services/Update?entityId=" + sid,
                Map.of("Name", "Urgent alerts")));
        Object listed = callOk("twilio-connector:Messaging.Services/List", null);
        callOk("twilio-connector:Messaging.Services/Delete?entityId=" + sid, null);
        Exchange gone = call("twilio-connector:Messaging.Services/Get?entityId=" + sid, null);

        assertThat(sid).matches("MG[0-9a-f]{32}");
        assertThat(created).containsEntry("Name", "Alerts").containsEntry("StickySender", false)
                .containsEntry("ValidityPeriod", 600).containsEntry("AccountSid", sandbox.accountSid())
                .containsEntry("Url", "https://messaging.twilio.com/v1/Services/" + sid)
                .containsEntry("StatusCallback", null);
        assertThat(String.valueOf(created.get("DateCreated"))).matches(ISO_SECONDS);
        assertThat(fetched).isEqualTo(created);
        assertThat(updated).containsEntry("Name", "Urgent alerts").containsEntry("ValidityPeriod", 600)
                .containsEntry("DateCreated", created.get("DateCreated"));
        assertThat(listed).isEqualTo(List.of(updated));
        TwilioConnectorException error = gone.getException(TwilioConnectorException.class);
        assertThat(error.getStatus()).isEqualTo(404);
        assertThat(error.getCode()).isEqualTo(20404);

        String services = "/messaging/v1/Services";
        assertThat(requestLines()).containsExactly(
                "POST " + services,
                "GET " + services + "/" + sid,
                "POST " + services + "/" + sid,
                "GET " + services + "?PageSize=25",
                "DELETE " + services + "/" + sid,
                "GET " + services + "/" + sid);
        assertThat(requests()).extracting(RecordedRequest::formParams).containsExactly(
                Map.of("FriendlyName", List.of("Alerts"), "StickySender", List.of("false"),
                        "ValidityPeriod", List.of("600")),
                Map.of(), Map.of("FriendlyName", List.of("Urgent alerts")), Map.of(), Map.of(), Map.of());
        assertThat(requests()).extracting(RecordedRequest::status).containsExactly(201, 200, 200, 200, 204, 404);
        assertThat(requests()).extracting(RecordedRequest::authUser).containsOnly(sandbox.accountSid());
    }

    @Test
    void studioFlowsAreUpdatedAndPagedThroughTheirMetaOnTheConfiguredPrefix() {
        String definition = "{\"initial_state\":\"Trigger\"}";
        String ivr = (String) record(callOk("twilio-connector:Studio.Flows/Create",
                Map.of("Name", "IVR", "Status", "draft", "Definition", definition))).get("Sid");
        String survey = (String) record(callOk("twilio-connector:Studio.Flows/Create",
                Map.of("Name", "Survey", "Status", "draft", "Definition", definition))).get("Sid");
        Map<String, Object> published = record(callOk("twilio-connector:Studio.Flows/Update?entityId=" + ivr,
                Map.of("Status", "published", "CommitMessage", "go live")));

        Exchange first = call("twilio-connector:Studio.Flows/List?pageSize=1", null);
        String token = first.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, String.class);
        Exchange second = call("twilio-connector:Studio.Flows/List?pageSize=1", null,
                Map.of(TwilioConnectorConstants.PAGE_TOKEN, token));
        callOk("twilio-connector:Studio.Flows/Delete?entityId=" + survey, null);
        Object remaining = callOk("twilio-connector:Studio.Flows/List", null);

        assertThat(ivr).matches("FW[0-9a-f]{32}");
        assertThat(published).containsEntry("Sid", ivr).containsEntry("Name", "IVR").containsEntry("Status", "published")
                .containsEntry("CommitMessage", "go live");
        assertThat(sids(first.getMessage().getBody())).containsExactly(survey);
        assertThat(sids(second.getMessage().getBody())).containsExactly(ivr);
        assertThat(second.getMessage().getHeaders()).doesNotContainKey(TwilioConnectorConstants.NEXT_PAGE_TOKEN);
        assertThat(sids(remaining)).containsExactly(ivr);

        String flows = "/studio/v2/Flows";
        assertThat(requestLines()).containsExactly(
                "POST " + flows,
                "POST " + flows,
                "POST " + flows + "/" + ivr,
                "GET " + flows + "?PageSize=1",
                "GET " + flows + "?PageSize=1&Page=1",
                "DELETE " + flows + "/" + survey,
                "GET " + flows + "?PageSize=25");
        assertThat(requests().get(0).formParams()).isEqualTo(Map.of("FriendlyName", List.of("IVR"),
                "Status", List.of("draft"), "Definition", List.of(definition)));
        assertThat(requests().get(2).formParams()).isEqualTo(Map.of("Status", List.of("published"),
                "CommitMessage", List.of("go live")));
    }

    private static List<Object> sids(Object page) {
        assertThat(page).isInstanceOf(List.class);
        return ((List<?>) page).stream().map(r -> (Object) ((Map<?, ?>) r).get("Sid")).toList();
    }
}
