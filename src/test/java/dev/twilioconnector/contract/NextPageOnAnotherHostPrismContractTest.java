package dev.twilioconnector.contract;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A next-page link, in any product, is followed on the base URL the connection gives the product: only its path and
 * query are taken, so credentials never go to a host the user did not configure. Shown against Prism serving
 * Twilio's {@code twilio_conversations_v1.json}, whose example page links its next page at
 * https://conversations.twilio.com.
 */
class NextPageOnAnotherHostPrismContractTest {

    private static final String CONVERSATION = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static PrismProduct conversations;

    /**
     * Twilio's list of a conversation's messages has two examples, and only the second, {@code readLastMessage}, has
     * a next page.
     */
    @BeforeAll
    static void startPrism() throws Exception {
        conversations = PrismProduct.start("conversations", "twilio_conversations_v1.json",
                Map.of("GET /v1/Conversations/{ConversationSid}/Messages", "readLastMessage"));
    }

    @AfterAll
    static void stopPrism() {
        if (conversations != null) {
            conversations.close();
        }
    }

    /** As the example's next page is the same page again, reading it stops there with the error that says so. */
    @Test
    void aNextPageLinkToAnotherHostIsFollowedOnTheProductsConfiguredBaseUrl() {
        String list = "twilio-connector:Conversations.ConversationMessages/List?pageSize=1&filterClause="
                + "ConversationSid = '" + CONVERSATION + "'";
        Exchange first = conversations.call(list, null);

        assertThat(first.getException()).as(conversations::log).isNull();
        assertThat(first.getMessage().getBody(List.class)).extracting(message -> ((Map<?, ?>) message).get("ConversationSid"))
                .containsExactly(CONVERSATION);
        String token = first.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, String.class);
        assertThat(token).isNotBlank();

        Exchange next = conversations.call(list, null, Map.of(TwilioConnectorConstants.PAGE_TOKEN, token));

        String nextPage = "/v1/Conversations/" + CONVERSATION + "/Messages?Order=desc&PageSize=1&Page=1"
                + "&PageToken=PAIMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        assertThat(next.getException()).hasMessage("Twilio answered HTTP 200 to Conversations.ConversationMessages List:"
                + " meta.next_page_url '" + nextPage + "' is the page just read");
        assertThat(conversations.requests()).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v1/Conversations/" + CONVERSATION + "/Messages?PageSize=1",
                "GET " + nextPage);
    }
}
