package dev.twilioconnector;

import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input fails before any request leaves the process, with a message that names what is allowed. */
class InputValidationTest extends SandboxTestSupport {

    @Test
    void unknownEntityIsRefusedWhenTheEndpointIsCreatedAndTheEntitiesAreListed() {
        assertThatThrownBy(() -> context.getEndpoint("twilio-connector:Mesages/List"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().isInstanceOf(TwilioConnectorInputException.class)
                .hasMessageStartingWith("Unknown entity 'Mesages'. Known entities: Accounts, Addresses, Applications,")
                .hasMessageContaining(", Messages, ")
                .hasMessageEndingWith("; and of the products Accounts, Assistants, Bulkexports, Chat, ChatV1, ChatV2,"
                        + " Content, ContentV1, Conversations, Events, Flex, FlexV1, Frontline, Iam, IamOrganizations,"
                        + " Insights, Intelligence, IpMessaging, IpMessagingV1, Lookups, LookupsV1, Marketplace, Messaging,"
                        + " Monitor, Notify, Numbers, Oauth, Preview, Pricing, PricingV1, Proxy, Routes, Serverless, Studio,"
                        + " StudioV1, Supersim, Sync, Taskrouter, Trunking, Trusthub, Verify, Video, Voice, Wireless as"
                        + " <Product>.<Resource>");
    }

    @Test
    void unknownEntityOfAProductIsRefusedWithTheEntitiesOfThatProduct() {
        assertThatThrownBy(() -> context.getEndpoint("twilio-connector:Insights.CallSummary/List"))
                .rootCause().isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Unknown entity 'Insights.CallSummary'. Entities of Insights: Insights.AccountSettings,"
                        + " Insights.Annotations, Insights.CallSummaries, Insights.Calls, Insights.ConferenceParticipants,"
                        + " Insights.Conferences, Insights.Events, Insights.Metrics, Insights.Summaries,"
                        + " Insights.VideoParticipantSummaries, Insights.VideoRoomSummaries");
    }

    @Test
    void anEntityOfAProductIsNamedWithItsProductAndADotInTheEndpointUri() {
        TwilioConnectorEndpoint endpoint = context.getEndpoint(
                "twilio-connector:Verify.Verifications/Create?entityId=VE" + "0".repeat(32), TwilioConnectorEndpoint.class);

        assertThat(endpoint.getEntity()).isEqualTo("Verify.Verifications");
        assertThat(endpoint.getOperation()).isEqualTo("Create");
        assertThat(context.getEndpoint("twilio-connector:verify.verificationchecks/create", TwilioConnectorEndpoint.class)
                .getEntity()).isEqualTo("Verify.VerificationChecks");
    }

    @Test
    void aParentKeyOfAProductIsCheckedByItsDescriptionsPatternBeforeAnyRequest() {
        Exchange exchange = call("twilio-connector:Verify.Verifications/Create",
                "{\"ServiceSid\":\"CA" + "0".repeat(32) + "\",\"To\":\"+15017122661\",\"Channel\":\"sms\"}");

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("ServiceSid 'CA00000000000000000000000000000000' is not a valid ServiceSid: expected"
                        + " ^VA[0-9a-fA-F]{32}$");
        assertThat(requests()).isEmpty();
    }

    @Test
    void anIdOfAProductIsCheckedByItsDescriptionsPatternBeforeAnyRequest() {
        Exchange exchange = call("twilio-connector:Verify.Services/Get", null,
                Map.of(TwilioConnectorConstants.ENTITY_ID, "CA" + "0".repeat(32)));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("entityId 'CA00000000000000000000000000000000' is not a valid Verify.Services id: expected"
                        + " ^VA[0-9a-fA-F]{32}$");
        assertThat(requests()).isEmpty();
    }

    @Test
    void aYamlRouteReachesAnEntityOfAProduct() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("verify.yaml", """
                - route:
                    id: verify
                    from:
                      uri: "direct:verify"
                      steps:
                        - to: "twilio-connector:Verify.Verifications/Create"
                """));

        assertThat(context.getRoute("verify").getEndpoint().getEndpointUri()).isEqualTo("direct://verify");
        assertThat(context.getEndpoints()).filteredOn(TwilioConnectorEndpoint.class::isInstance)
                .extracting(endpoint -> ((TwilioConnectorEndpoint) endpoint).getEntity())
                .contains("Verify.Verifications");
    }

    @Test
    void operationTheEntityDoesNotAllowIsRefusedWithTheAllowedOnes() {
        assertThatThrownBy(() -> context.getEndpoint("twilio-connector:Recordings/Create"))
                .rootCause().isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Entity Recordings does not allow Create. Allowed operations: List, Get, Delete");
    }

    @Test
    void unknownOperationIsRefusedWithTheOperations() {
        assertThatThrownBy(() -> context.getEndpoint("twilio-connector:Messages/Send"))
                .rootCause().hasMessage("Unknown operation 'Send'. Operations: List, Get, Create, Update, Delete");
    }

    @Test
    void uriWithoutAnOperationIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("twilio-connector:Messages"))
                .rootCause().hasMessage("Expected twilio-connector:<Entity>/<Operation>, e.g. twilio-connector:Messages/Create,"
                        + " or twilio-connector:actions/<Action>, but got twilio-connector:Messages");
    }

    @Test
    void aPhoneNumberWhosePlusTheEndpointUriReadAsASpaceIsRefusedWithHowToWriteIt() {
        Exchange exchange = call("twilio-connector:Lookups.PhoneNumbers/Get?entityId=+14155552671", null);

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("entityId ' 14155552671' is not a valid Lookups.PhoneNumbers id: expected"
                        + " ^[A-Za-z0-9+][A-Za-z0-9_.:@+-]{0,255}$ (a '+' in an endpoint URI reads as a space: write"
                        + " entityId=RAW(+14155552671) or %2B, or give it in a header)");
        assertThat(requests()).isEmpty();
        assertThat(call("twilio-connector:Lookups.PhoneNumbers/Get?entityId=RAW(+1/415)", null).getException())
                .hasMessageNotContaining("RAW(");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../Calls/CAaa4a99c300bd9d1bcc0d1ae9dcd248c6", "SM3ad97d41e786c02bca47c8ce1745053b/../x",
            "SM3ad97d41e786c02bca47c8ce1745053b?Body=x", "SM3ad97d41e786c02bca47c8ce1745053b#x", "%2F..%2FCalls",
            "SM3ad97d41e786c02bca47c8ce1745053", "CAaa4a99c300bd9d1bcc0d1ae9dcd248c6", "sm3ad97d41e786c02bca47c8ce1745053b "})
    void entityIdOfTheWrongShapeIsRefusedBeforeAnyRequest(String entityId) {
        Exchange exchange = call("twilio-connector:Messages/Get", null, Map.of(TwilioConnectorConstants.ENTITY_ID, entityId));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("entityId '" + entityId + "' is not a valid Messages id: expected ^(SM|MM)[0-9a-fA-F]{32}$");
        assertThat(requests()).isEmpty();
    }

    @Test
    void getWithoutAnEntityIdNamesWhereToGiveIt() {
        Exchange exchange = call("twilio-connector:Calls/Get", null);

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Calls Get needs an entityId (option entityId or header CamelTwilioConnectorEntityId) matching"
                        + " ^CA[0-9a-fA-F]{32}$");
        assertThat(requests()).isEmpty();
    }

    @Test
    void deleteWithEmptyFilterIsRefusedBeforeAnyRequest() {
        sandbox.seed("Messages", 3);

        Exchange exchange = call("twilio-connector:Messages/Delete", null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "  "));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Messages Delete needs an entityId or a non-empty filterClause; an empty condition never means every record");
        assertThat(requests()).isEmpty();
        assertThat(sandbox.records("Messages")).hasSize(3);
    }

    @Test
    void updateWithNeitherEntityIdNorFilterIsRefusedBeforeAnyRequest() {
        Exchange exchange = call("twilio-connector:Messages/Update", "{\"Body\":\"\"}");

        assertThat(exchange.getException()).hasMessage(
                "Messages Update needs an entityId or a non-empty filterClause; an empty condition never means every record");
        assertThat(requests()).isEmpty();
    }

    @Test
    void unknownPayloadFieldIsRefusedWithTheFieldsTheOperationAccepts() {
        Exchange exchange = call("twilio-connector:Queues/Create", "{\"Name\":\"support\",\"Size\":10}");

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Unknown field 'Size' for Queues Create. Fields it accepts: Name, MaxSize");
        assertThat(requests()).isEmpty();
    }

    @Test
    void fieldThatCannotBeSetOnTheOperationIsRefused() {
        Exchange exchange = call("twilio-connector:Messages/Update?entityId=SM3ad97d41e786c02bca47c8ce1745053b", "{\"To\":\"+1555\"}");

        assertThat(exchange.getException()).hasMessage("Field To cannot be set on Messages Update. Fields it accepts: Body, Status, Sid");
        assertThat(requests()).isEmpty();
    }

    @Test
    void missingRequiredFieldIsRefused() {
        Exchange exchange = call("twilio-connector:Messages/Create", "{\"Body\":\"Hello\"}");

        assertThat(exchange.getException()).hasMessage("Messages Create needs field To in the payload");
        assertThat(requests()).isEmpty();
    }

    @Test
    void valueOfTheWrongTypeIsRefused() {
        Exchange exchange = call("twilio-connector:Queues/Create", "{\"Name\":\"support\",\"MaxSize\":\"big\"}");

        assertThat(exchange.getException()).hasMessage("Field MaxSize of Queues takes an integer, not 'big'");
        assertThat(requests()).isEmpty();
    }

    @Test
    void bodyThatIsNotJsonIsRefusedForCreate() {
        Exchange exchange = call("twilio-connector:Messages/Create", "To=+1555");

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessageStartingWith("The body of Messages Create is not a JSON object: ");
        assertThat(requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void pageSizeOutsideOneToAThousandIsRefused(int pageSize) {
        Exchange exchange = call("twilio-connector:Messages/List?pageSize=" + pageSize, null);

        assertThat(exchange.getException()).hasMessage("pageSize " + pageSize + " is out of range: allowed 1..1000");
        assertThat(requests()).isEmpty();
    }

    @Test
    void filterClauseThatDoesNotParseIsRefusedBeforeAnyRequest() {
        Exchange exchange = call("twilio-connector:Messages/List", null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "To = "));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class).hasMessageContaining("column");
        assertThat(requests()).isEmpty();
    }

    @Test
    void pageTokenThatTheConnectorDidNotIssueIsRefused() {
        Exchange exchange = call("twilio-connector:Messages/List", null,
                Map.of(TwilioConnectorConstants.PAGE_TOKEN, "MHwvZXZpbC5leGFtcGxlLmNvbS8"));

        assertThat(exchange.getException()).hasMessage("pageToken 'MHwvZXZpbC5leGFtcGxlLmNvbS8' was not issued for this List;"
                + " pass the CamelTwilioConnectorNextPageToken of the previous page unchanged");
        assertThat(requests()).isEmpty();
    }

    @Test
    void nestedEntityWithoutItsParentKeyNamesIt() {
        Exchange exchange = call("twilio-connector:Media/List", null);

        assertThat(exchange.getException()).hasMessage(
                "Media List needs MessageSid: give it in the filterClause (MessageSid = '...') or in the payload");
        assertThat(requests()).isEmpty();
    }
}
