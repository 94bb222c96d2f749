package dev.twilioconnector.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.twilioconnector.contract.PrismProduct.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Lookup v2, through the catalog's {@code Lookups.*} entities, against Prism serving Twilio's
 * {@code twilio_lookups_v2.json}: a phone number addressed by itself, not by a SID, with the query parameters its
 * fetch defines ({@code Fields}, {@code CountryCode}) taken from the filterClause or the payload; overrides, rate
 * limits and batches sent as JSON bodies; no request refused, each recorded exactly as sent, the records Twilio's
 * examples.
 */
class LookupsPrismContractTest {

    private static final String NUMBER = "+14159929960";
    private static final String GET = "twilio-connector:Lookups.PhoneNumbers/Get";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrismProduct lookups;

    @BeforeAll
    static void startPrism() throws Exception {
        lookups = PrismProduct.start("lookups", "twilio_lookups_v2.json");
    }

    @AfterAll
    static void stopPrism() {
        if (lookups != null) {
            lookups.close();
        }
    }

    @Test
    void everyOperationIsAcceptedByTheDescription() {
        Map<String, Object> battery = ordered(
                "twilio-connector:Lookups.PhoneNumbers/Get?entityId=RAW(" + NUMBER + ")", null,
                "twilio-connector:Lookups.LookupAccountRateLimits/Get", null,
                "twilio-connector:Lookups.LookupPhoneNumberOverrides/Create?entityId=line_type_intelligence",
                Map.of("PhoneNumber", NUMBER, "LineType", "mobile", "Reason", "Customer showed a mobile contract"),
                "twilio-connector:Lookups.LookupRateLimits/Update?entityId=default",
                Map.of("Field", "line_type_intelligence", "Limit", 10, "Ttl", 60),
                "twilio-connector:Lookups.BulkLookups/Create", Map.of("PhoneNumbers", List.of(Map.of("correlation_id", "1",
                        "phone_number", NUMBER, "fields", List.of("line_type_intelligence")))),
                "twilio-connector:Lookups.LookupPhoneNumberOverrides/Get?entityId=line_type_intelligence",
                Map.of("PhoneNumber", NUMBER),
                "twilio-connector:Lookups.LookupPhoneNumberOverrides/Delete?entityId=line_type_intelligence",
                Map.of("PhoneNumber", NUMBER),
                "twilio-connector:Lookups.LookupRateLimits/Get?entityId=default", Map.of("Field", "line_type_intelligence"),
                "twilio-connector:Lookups.LookupRateLimits/Delete?entityId=default", Map.of("Field", "line_type_intelligence"));
        int before = lookups.requests().size();

        Map<String, String> refused = lookups.refused(battery);

        assertThat(refused).as(lookups::log).isEmpty();
        String override = "/v2/PhoneNumbers/" + NUMBER + "/Overrides/line_type_intelligence";
        String rateLimit = "/v2/RateLimits/Fields/line_type_intelligence/Bucket/default";
        assertThat(lookups.requestsSince(before))
                .extracting(RecordingProxy.SentRequest::method, RecordingProxy.SentRequest::path)
                .containsExactly(tuple("GET", "/v2/PhoneNumbers/" + NUMBER), tuple("GET", "/v2/RateLimits"),
                        tuple("POST", override), tuple("PUT", rateLimit), tuple("POST", "/v2/batch/query"),
                        tuple("GET", override), tuple("DELETE", override), tuple("GET", rateLimit),
                        tuple("DELETE", rateLimit));
    }

    /**
     * In an endpoint URI Camel reads a {@code +} as a space, as in any URI's query, so the number is given as
     * {@code RAW(+1...)} there (or {@code %2B1...}, or in the header, which is taken as it is).
     */
    @Test
    void aPhoneNumberIsLookedUpByItselfAndReadAsTwiliosExample() {
        int before = lookups.requests().size();

        Map<String, Object> number = lookups.record("twilio-connector:Lookups.PhoneNumbers/Get?entityId=RAW(" + NUMBER + ")",
                null);
        Exchange byHeader = lookups.call("twilio-connector:Lookups.PhoneNumbers/Get", null,
                Map.of(TwilioConnectorConstants.ENTITY_ID, NUMBER));

        assertThat(byHeader.getException()).isNull();
        assertThat(byHeader.getMessage().getBody()).isEqualTo(number);
        List<RecordingProxy.SentRequest> sent = lookups.requestsSince(before);
        assertThat(sent).extracting(RecordingProxy.SentRequest::path)
                .containsExactly("/v2/PhoneNumbers/" + NUMBER, "/v2/PhoneNumbers/" + NUMBER);
        assertThat(number).contains(entry("PhoneNumber", NUMBER), entry("CallingCountryCode", "1"),
                entry("CountryCode", "US"), entry("NationalFormat", "(415) 992-9960"), entry("Valid", true),
                entry("ValidationErrors", null), entry("CallerName", null),
                entry("Url", "https://lookups.twilio.com/v2/PhoneNumbers/" + NUMBER));
    }

    @Test
    void aNumberThatIsNoPathSegmentIsRefusedBeforeAnyRequest() {
        int before = lookups.requests().size();

        Exchange exchange = lookups.call("twilio-connector:Lookups.PhoneNumbers/Get", null,
                Map.of(TwilioConnectorConstants.ENTITY_ID, "+1 415/992"));

        assertThat(exchange.getException()).hasMessage("entityId '+1 415/992' is not a valid Lookups.PhoneNumbers id:"
                + " expected ^[A-Za-z0-9+][A-Za-z0-9_.:@+-]{0,255}$");
        assertThat(lookups.requestsSince(before)).isEmpty();
    }

    @Test
    void aPhoneNumberIsReadWithTheFieldsTheFilterClauseAsksFor() {
        int before = lookups.requests().size();

        Map<String, Object> number = lookups.record(GET, null, Map.of(TwilioConnectorConstants.ENTITY_ID, NUMBER,
                TwilioConnectorConstants.FILTER_CLAUSE, "Fields = 'caller_name,line_type_intelligence'"));

        assertThat(number).contains(entry("PhoneNumber", NUMBER), entry("CountryCode", "US"), entry("Valid", true),
                entry("NationalFormat", "(415) 992-9960"));
        assertThat(lookups.requestsSince(before)).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v2/PhoneNumbers/" + NUMBER + "?Fields=caller_name%2Cline_type_intelligence");
    }

    @Test
    void theQueryOfAFetchIsTakenFromThePayloadToo() {
        int before = lookups.requests().size();

        lookups.record(GET, "{\"Fields\":\"caller_name\",\"CountryCode\":\"US\"}",
                Map.of(TwilioConnectorConstants.ENTITY_ID, NUMBER));

        assertThat(lookups.requestsSince(before)).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v2/PhoneNumbers/" + NUMBER + "?Fields=caller_name&CountryCode=US");
    }

    @Test
    void everyQueryOfAFetchIsAcceptedByTheDescription() {
        List<String> queries = List.of("{\"Fields\":\"caller_name\"}",
                "{\"Fields\":\"identity_match\",\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\"}");
        Map<String, String> refused = new LinkedHashMap<>();
        int before = lookups.requests().size();

        queries.forEach(body -> {
            Exchange exchange = lookups.call(GET, body, Map.of(TwilioConnectorConstants.ENTITY_ID, NUMBER));
            if (exchange.getException() != null) {
                refused.put(body, exchange.getException().getMessage());
            }
        });

        assertThat(refused).as(lookups::log).isEmpty();
        assertThat(lookups.requestsSince(before)).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v2/PhoneNumbers/" + NUMBER + "?Fields=caller_name",
                "GET /v2/PhoneNumbers/" + NUMBER + "?Fields=identity_match&FirstName=Ada&LastName=Lovelace");
    }

    @Test
    void anOverrideOfALineTypeIsSentAsAJsonBody() throws Exception {
        int before = lookups.requests().size();

        lookups.record("twilio-connector:Lookups.LookupPhoneNumberOverrides/Create?entityId=line_type_intelligence",
                Map.of("PhoneNumber", NUMBER, "LineType", "mobile", "Reason", "Customer showed a mobile contract"));

        RecordingProxy.SentRequest sent = lookups.requestsSince(before).get(0);
        assertThat(sent.line()).isEqualTo("POST /v2/PhoneNumbers/" + NUMBER + "/Overrides/line_type_intelligence");
        assertThat(sent.headers()).containsEntry("content-type", "application/json; charset=UTF-8");
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree(
                "{\"line_type\":\"mobile\",\"reason\":\"Customer showed a mobile contract\"}"));
    }

    @Test
    void aRateLimitIsUpdatedAndABatchLookedUpWithJsonBodies() throws Exception {
        int before = lookups.requests().size();

        lookups.record("twilio-connector:Lookups.LookupRateLimits/Update?entityId=default",
                Map.of("Field", "line_type_intelligence", "Limit", 10, "Ttl", 60));
        lookups.record("twilio-connector:Lookups.BulkLookups/Create", Map.of("PhoneNumbers", List.of(Map.of(
                "correlation_id", "1", "phone_number", NUMBER, "fields", List.of("line_type_intelligence")))));

        List<RecordingProxy.SentRequest> sent = lookups.requestsSince(before);
        assertThat(sent).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "PUT /v2/RateLimits/Fields/line_type_intelligence/Bucket/default", "POST /v2/batch/query");
        assertThat(JSON.readTree(sent.get(0).body())).isEqualTo(JSON.readTree("{\"limit\":10,\"ttl\":60}"));
        assertThat(JSON.readTree(sent.get(1).body())).isEqualTo(JSON.readTree("{\"phone_numbers\":[{\"correlation_id\":\"1\","
                + "\"phone_number\":\"" + NUMBER + "\",\"fields\":[\"line_type_intelligence\"]}]}"));
    }
}
