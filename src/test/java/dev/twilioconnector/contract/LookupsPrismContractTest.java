package dev.twilioconnector.contract;

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
 * Lookup v2, through the catalog's {@code Lookups.*} entities, against Prism serving Twilio's
 * {@code twilio_lookups_v2.json}: a phone number addressed by itself, not by a SID; no request refused, the records
 * Twilio's examples.
 */
class LookupsPrismContractTest {

    private static final String NUMBER = "+14159929960";
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
    void everyOperationWithAFormOrNoBodyIsAcceptedByTheDescription() {
        Map<String, Object> battery = ordered(
                "twilio-connector:Lookups.PhoneNumbers/Get?entityId=RAW(" + NUMBER + ")", null,
                "twilio-connector:Lookups.LookupAccountRateLimits/Get", null,
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
                .extracting(ListFormProxy.SentRequest::method, ListFormProxy.SentRequest::path)
                .containsExactly(tuple("GET", "/v2/PhoneNumbers/" + NUMBER), tuple("GET", "/v2/RateLimits"),
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
        List<ListFormProxy.SentRequest> sent = lookups.requestsSince(before);
        assertThat(sent).extracting(ListFormProxy.SentRequest::path)
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
}
