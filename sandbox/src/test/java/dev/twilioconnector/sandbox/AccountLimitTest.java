package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountLimitTest extends SandboxTestSupport {

    private static final Map<String, Object> TOO_MANY_REQUESTS = Map.of("code", 20429,
            "message", "Too Many Requests", "more_info", "https://www.twilio.com/docs/errors/20429", "status", 429);

    @Test
    void admitsTheLimitWithinASecondAndRefusesTheRestWithTwilios429() {
        sandbox.accountLimit().perSecond(5);

        List<Http.Reply> replies = IntStream.range(0, 8)
                .mapToObj(i -> http.get(Http.account(sandbox, "Messages.json"))).toList();

        assertThat(replies).extracting(Http.Reply::status).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
        Http.Reply refused = replies.get(7);
        assertThat(refused.json()).isEqualTo(TOO_MANY_REQUESTS);
        assertThat(refused.headers().firstValue("Retry-After")).as("Twilio often sends none").isEmpty();
        assertThat(refused.headers().firstValue("Twilio-Request-Id")).isPresent();
        List<RecordedRequest> log = sandbox.requests();
        assertThat(arrivalSpan(log)).as("the burst arrived within one window").isLessThan(Duration.ofSeconds(1));
        assertThat(log).extracting(RecordedRequest::status).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
        assertThat(log).extracting(RecordedRequest::fault).containsOnlyNulls();
    }

    @Test
    void concurrentRequestsAreAdmittedUpToTheLimitExactly() throws Exception {
        sandbox.accountLimit().perSecond(10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses;
        try {
            List<Future<Http.Reply>> replies = IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> http.get(Http.account(sandbox, "Calls.json")))).toList();
            statuses = replies.stream().map(reply -> {
                try {
                    return reply.get().status();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdown();
        }

        assertThat(arrivalSpan(sandbox.requests())).as("the burst arrived within one window")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(Collections.frequency(statuses, 200)).isEqualTo(10);
        assertThat(Collections.frequency(statuses, 429)).isEqualTo(30);
    }

    @Test
    void aRefusedCreateCreatesNothing() {
        sandbox.accountLimit().perSecond(1);
        Map<String, String> second = Map.of("To", "+15558675310", "From", "+15017122661", "Body", "second");

        Http.Reply created = http.post(Http.account(sandbox, "Messages.json"),
                Map.of("To", "+15558675310", "From", "+15017122661", "Body", "first"));
        Http.Reply refused = http.post(Http.account(sandbox, "Messages.json"), second);

        assertThat(created.status()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json()).isEqualTo(TOO_MANY_REQUESTS);
        assertThat(sandbox.records("Messages")).extracting(m -> m.get("body")).containsExactly("first");
        RecordedRequest logged = sandbox.requests().get(1);
        assertThat(logged.status()).isEqualTo(429);
        assertThat(logged.formParams()).containsEntry("Body", List.of("second"));
    }

    @Test
    void theWindowSlidesOverEverySecondNotWholeSeconds() throws InterruptedException {
        sandbox.accountLimit().perSecond(2);
        String path = Http.account(sandbox, "Messages.json");

        assertThat(http.get(path).status()).as("first").isEqualTo(200);
        long firstAnswered = System.nanoTime();
        Thread.sleep(500);
        assertThat(http.get(path).status()).as("second, 0.5 s later").isEqualTo(200);
        assertThat(http.get(path).status()).as("third within the first's second").isEqualTo(429);
        sleepUntil(firstAnswered + Duration.ofMillis(1100).toNanos());
        assertThat(http.get(path).status()).as("once the first is a second old").isEqualTo(200);
        assertThat(http.get(path).status()).as("while the second is under a second old").isEqualTo(429);

        Thread.sleep(1500);
        assertThat(http.get(path).status()).as("a quiet second later").isEqualTo(200);
        assertThat(http.get(path).status()).isEqualTo(200);
        assertThat(http.get(path).status()).isEqualTo(429);
    }

    @Test
    void theLimitIsPerAccountAndAnApiKeyCountsForItsAccount() {
        Map<String, Object> sub = http.post("/2010-04-01/Accounts.json", Map.of("FriendlyName", "child")).json();
        String subSid = (String) sub.get("sid");
        Http asSub = new Http(sandbox.baseUrl(), subSid, (String) sub.get("auth_token"));
        String key = "SK" + "0123456789abcdef".repeat(2);
        sandbox.addApiKey(key, "s3cret");
        Http withKey = new Http(sandbox.baseUrl(), key, "s3cret");
        sandbox.clearRequests();
        sandbox.accountLimit().perSecond(2);
        String subMessages = "/2010-04-01/Accounts/" + subSid + "/Messages.json";

        assertThat(http.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(200);
        assertThat(withKey.get(Http.account(sandbox, "Calls.json")).status()).isEqualTo(200);
        assertThat(withKey.get(Http.account(sandbox, "Calls.json")).status()).as("the key's account is full")
                .isEqualTo(429);
        assertThat(http.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(429);
        assertThat(asSub.get(subMessages).status()).as("the sub-account has its own").isEqualTo(200);
        assertThat(asSub.get(subMessages).status()).isEqualTo(200);
        assertThat(http.get(subMessages).status()).as("the path's account counts, not the caller's")
                .isEqualTo(429);

        assertThat(arrivalSpan(sandbox.requests())).as("all arrived within one window")
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterIsSentWhenAsked() {
        sandbox.accountLimit().perSecond(1).retryAfter(Duration.ofSeconds(2));

        http.get(Http.account(sandbox, "Messages.json"));
        Http.Reply refused = http.get(Http.account(sandbox, "Messages.json"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("2");
        assertThat(refused.json()).isEqualTo(TOO_MANY_REQUESTS);
    }

    @Test
    void wrongCredentialsMeet401AndDoNotCount() {
        sandbox.accountLimit().perSecond(1);

        assertThat(new Http(sandbox.baseUrl(), sandbox.accountSid(), "wrong")
                .get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(401);
        assertThat(http.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(200);
    }

    @Test
    void liftingOrResettingAdmitsEveryRequestAgain() {
        sandbox.accountLimit().perSecond(1).retryAfter(Duration.ofSeconds(1));
        http.get(Http.account(sandbox, "Messages.json"));
        assertThat(http.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(429);

        sandbox.accountLimit().lift();
        assertThat(http.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(200);
        assertThat(sandbox.accountLimit().perSecond()).isZero();
        assertThat(sandbox.accountLimit().retryAfter()).isEmpty();

        sandbox.accountLimit().perSecond(1);
        http.get(Http.account(sandbox, "Messages.json"));
        sandbox.reset();
        assertThat(http.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(200);
    }

    @Test
    void unusableSettingsFailNamingTheSettingAndAllowedValues() {
        assertThatThrownBy(() -> sandbox.accountLimit().perSecond(-1))
                .hasMessage("account limit must be 0 (none) or more requests per second, got -1");
        assertThatThrownBy(() -> sandbox.accountLimit().retryAfter(Duration.ofMillis(1500)))
                .hasMessage("account limit Retry-After must be whole seconds, 0 or more, got PT1.5S");
    }

    private static Duration arrivalSpan(List<RecordedRequest> log) {
        return Duration.ofNanos(log.get(log.size() - 1).receivedNanos() - log.get(0).receivedNanos());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait).toMillis() + 1);
        }
    }
}
