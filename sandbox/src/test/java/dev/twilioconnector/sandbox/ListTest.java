package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListTest extends SandboxTestSupport {

    @Test
    void pagesFollowNextPageUriWithAPageTokenUntilNull() {
        sandbox.seed("Messages", 120);

        Map<String, Object> first = http.get(Http.account(sandbox, "Messages.json?PageSize=50")).json();
        Map<String, Object> second = http.get((String) first.get("next_page_uri")).json();
        Map<String, Object> third = http.get((String) second.get("next_page_uri")).json();

        assertThat(first).containsOnlyKeys("messages", "end", "first_page_uri", "next_page_uri", "page",
                "page_size", "previous_page_uri", "start", "uri");
        assertThat(first).containsEntry("page", 0).containsEntry("page_size", 50).containsEntry("start", 0)
                .containsEntry("end", 49).containsEntry("previous_page_uri", null)
                .containsEntry("first_page_uri", Http.account(sandbox, "Messages.json?PageSize=50&Page=0"));
        assertThat((String) first.get("next_page_uri"))
                .startsWith(Http.account(sandbox, "Messages.json?PageSize=50&Page=1&PageToken=PA"));
        assertThat(second).containsEntry("page", 1).containsEntry("start", 50).containsEntry("end", 99);
        assertThat(second.get("previous_page_uri")).isNotNull();
        assertThat(third).containsEntry("page", 2).containsEntry("next_page_uri", null).containsEntry("end", 119);
        assertThat(third.get("messages")).asList().hasSize(20);

        List<Object> sids = new ArrayList<>();
        for (Map<String, Object> page : List.of(first, second, third)) {
            ((List<?>) page.get("messages")).forEach(m -> sids.add(((Map<?, ?>) m).get("sid")));
        }
        assertThat(sids).doesNotHaveDuplicates()
                .containsExactlyElementsOf(sandbox.records("Messages").stream().map(m -> m.get("sid")).toList());
    }

    @Test
    void previousPageUriLeadsBackToThePreviousPage() {
        sandbox.seed("Messages", 30);
        Map<String, Object> first = http.get(Http.account(sandbox, "Messages.json?PageSize=10")).json();
        Map<String, Object> second = http.get((String) first.get("next_page_uri")).json();

        Map<String, Object> back = http.get((String) second.get("previous_page_uri")).json();

        assertThat(back.get("messages")).isEqualTo(first.get("messages"));
        assertThat(back).containsEntry("page", 0);
    }

    @Test
    void pageTokenIsStableWhenRecordsAreAddedAtTheHead() {
        sandbox.seed("Messages", 20);
        Map<String, Object> first = http.get(Http.account(sandbox, "Messages.json?PageSize=10")).json();

        sandbox.put("Messages", Map.of("to", "+15550000000"));
        sandbox.put("Messages", Map.of("to", "+15550000001"));
        Map<String, Object> second = http.get((String) first.get("next_page_uri")).json();

        List<Object> expected = sandbox.records("Messages").stream().skip(12).map(m -> m.get("sid")).toList();
        assertThat(((List<?>) second.get("messages")).stream().map(m -> ((Map<?, ?>) m).get("sid")).toList())
                .isEqualTo(expected);
        assertThat(second.get("next_page_uri")).isNull();
    }

    @Test
    void listsFollowWritesMadeAfterTheFirstList() {
        List<Map<String, Object>> seeded = sandbox.seed("Messages", 5);
        assertThat(sids("Messages.json")).containsExactly(
                seeded.stream().map(m -> m.get("sid")).toArray());

        sandbox.put("Messages", Map.of("sid", seeded.get(4).get("sid"), "date_created", "2099-01-01T00:00:00Z",
                "body", "moved to the head"));
        assertThat(http.delete(Http.account(sandbox, "Messages/" + seeded.get(1).get("sid") + ".json")).status())
                .isEqualTo(204);
        assertThat(http.post(Http.account(sandbox, "Messages/" + seeded.get(2).get("sid") + ".json"),
                Map.of("Body", "")).status()).isEqualTo(200);

        assertThat(sids("Messages.json")).containsExactly(seeded.get(4).get("sid"), seeded.get(0).get("sid"),
                seeded.get(2).get("sid"), seeded.get(3).get("sid"));
        Map<String, Object> page = http.get(Http.account(sandbox, "Messages.json?PageSize=2")).json();
        assertThat(((List<?>) page.get("messages")).stream().<Object>map(m -> ((Map<?, ?>) m).get("body")).toList())
                .containsExactly("moved to the head", seeded.get(0).get("body"));
        assertThat(((List<?>) http.get((String) page.get("next_page_uri")).json().get("messages")).stream()
                .<Object>map(m -> ((Map<?, ?>) m).get("sid")).toList())
                .containsExactly(seeded.get(2).get("sid"), seeded.get(3).get("sid"));
    }

    @Test
    void dateSentBoundsAreInclusiveOnTheUtcDay() {
        putSent("2024-05-31T23:59:59Z", "+15550000001");
        putSent("2024-06-01T00:00:00Z", "+15550000002");
        putSent("2024-06-02T12:00:00Z", "+15550000003");
        putSent("2024-06-03T23:59:59Z", "+15550000004");
        putSent("2024-06-04T00:00:00Z", "+15550000005");

        assertThat(to("Messages.json?" + Http.enc("DateSent>") + "=2024-06-01&" + Http.enc("DateSent<") + "=2024-06-03"))
                .containsExactly("+15550000004", "+15550000003", "+15550000002");
        assertThat(to("Messages.json?DateSent=2024-06-02")).containsExactly("+15550000003");
        assertThat(to("Messages.json?" + Http.enc("DateSent<") + "=2024-06-02T12:00:00Z"))
                .containsExactly("+15550000003", "+15550000002", "+15550000001");
    }

    @Test
    void toFilterAndItsPresenceInNextPageUri() {
        sandbox.seed("Messages", 5);
        for (int i = 0; i < 3; i++) {
            sandbox.put("Messages", Map.of("to", "+15551234567", "body", "mine " + i));
        }

        Map<String, Object> page = http.get(Http.account(sandbox, "Messages.json?To=%2B15551234567&PageSize=2"
                + "&Unknown=ignored")).json();

        assertThat(((List<?>) page.get("messages"))).hasSize(2)
                .allSatisfy(m -> assertThat(((Map<?, ?>) m).get("to")).isEqualTo("+15551234567"));
        assertThat((String) page.get("next_page_uri"))
                .startsWith(Http.account(sandbox, "Messages.json?To=%2B15551234567&PageSize=2&Page=1&PageToken="));
        assertThat(http.get((String) page.get("next_page_uri")).json().get("messages")).asList().hasSize(1);
    }

    @Test
    void callFiltersOnStatusAndStartTimeRange() {
        sandbox.put("Calls", Map.of("status", "completed", "start_time", "2024-06-01T10:00:00Z", "to", "+1"));
        sandbox.put("Calls", Map.of("status", "busy", "start_time", "2024-06-01T11:00:00Z", "to", "+2"));
        sandbox.put("Calls", Map.of("status", "completed", "start_time", "2024-06-02T10:00:00Z", "to", "+3"));

        Map<String, Object> page = http.get(Http.account(sandbox, "Calls.json?Status=completed&"
                + Http.enc("StartTime>") + "=2024-06-01T10:00:00Z&" + Http.enc("StartTime<") + "=2024-06-01")).json();

        assertThat(page.get("calls")).asList().singleElement()
                .satisfies(c -> assertThat(((Map<?, ?>) c).get("to")).isEqualTo("+1"));
    }

    @Test
    void pageSizeIsCappedAndBadValuesAre400() {
        sandbox.seed("Queues", 3);

        assertThat(http.get(Http.account(sandbox, "Queues.json?PageSize=5000")).json())
                .containsEntry("page_size", 1000);
        assertThat(http.get(Http.account(sandbox, "Queues.json?PageSize=abc")).status()).isEqualTo(400);
        assertThat(http.get(Http.account(sandbox, "Queues.json?PageToken=garbage")).status()).isEqualTo(400);
    }

    private void putSent(String instant, String to) {
        sandbox.put("Messages", Map.of("to", to, "date_sent", instant, "date_created", instant));
    }

    private List<Object> sids(String path) {
        return ((List<?>) http.get(Http.account(sandbox, path)).json().get("messages")).stream()
                .<Object>map(m -> ((Map<?, ?>) m).get("sid")).toList();
    }

    private List<Object> to(String path) {
        Http.Reply reply = http.get(Http.account(sandbox, path));
        assertThat(reply.status()).isEqualTo(200);
        return ((List<?>) reply.json().get("messages")).stream().<Object>map(m -> ((Map<?, ?>) m).get("to")).toList();
    }
}
