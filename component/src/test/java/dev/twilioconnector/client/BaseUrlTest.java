package dev.twilioconnector.client;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each request to the base URL is the one parsing the base URL and the target together gives, or is refused as it. */
class BaseUrlTest {

    private static final List<String> BASE_URLS = List.of("https://api.twilio.com", "http://127.0.0.1:40123",
            "https://user:pa%20ss@twilio.example.com:8443/prefix", "http://[::1]:9/", "HTTPS://API.Twilio.com");
    private static final String ACCOUNT = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef";

    @Test
    void theConnectorsTargetsBecomeTheRequestsParsingGives() throws Exception {
        List<String> targets = List.of(ACCOUNT + ".json", ACCOUNT + "/Messages/SM3ad97d41e786c02bca47c8ce1745053b.json",
                ACCOUNT + "/Messages.json?To=%2B15558675310&DateSent%3E=2024-06-01&PageSize=50",
                ACCOUNT + "/Messages.json?PageSize=50&Page=1&PageToken=PASM3ad97d41e786c02bca47c8ce1745053b",
                ACCOUNT + "/Calls.json?Status=in-progress&StartTime%3C=2024-06-01T00%3A00%3A00Z&x=a+b",
                "/v1/Services/IS0123456789abcdef0123456789abcdef/Channels/CH0123456789abcdef0123456789abcdef/Messages.json?Order=desc",
                ACCOUNT + "/Messages.json?", "/a?b?c=d/e:f@g!h$i'j(k)l*m,n;o~p", "/");
        for (String url : BASE_URLS) {
            BaseUrl base = new BaseUrl(url);
            for (String target : targets) {
                assertThat(base.request("GET", target)).as("set beside the parsed base: " + target)
                        .isNotInstanceOf(HttpUriRequestBase.class);
                assertSameRequest(base.request("GET", target), new HttpUriRequestBase("GET", URI.create(url + target)));
                assertSameRequest(base.request("POST", target), new HttpUriRequestBase("POST", URI.create(url + target)));
            }
        }
    }

    @Test
    void targetsWithCharactersAUriDoesNotAllowAreRefusedAsParsingRefusesThem() {
        BaseUrl base = new BaseUrl("https://api.twilio.com");
        for (String target : List.of(ACCOUNT + "/Messages.json?PageToken=a b", ACCOUNT + "/Messages.json?x=%zz",
                ACCOUNT + "/Messages.json?x=%2", ACCOUNT + "/Messages.json?x={y}", ACCOUNT + "/Messages.json?x=a|b",
                "/a\"b", "/a<b>", "/a\\b", "/a^b", "/a`b", "/a[b]")) {
            assertThatThrownBy(() -> base.request("GET", target)).as(target).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(thrownBy(() -> URI.create("https://api.twilio.com" + target)).getMessage());
        }
    }

    @Test
    void otherTargetsAUriAllowsAreParsedWithTheBaseUrlAsBefore() throws Exception {
        for (String url : BASE_URLS) {
            BaseUrl base = new BaseUrl(url);
            for (String target : List.of("/Messages.json?Body=h%C3%A9", "/Messages/é.json", "/x#fragment", "?PageSize=1",
                    "x.json", "")) {
                assertSameRequest(base.request("GET", target), new HttpUriRequestBase("GET", URI.create(url + target)));
            }
        }
    }

    private static void assertSameRequest(ClassicHttpRequest request, HttpUriRequestBase parsed) throws Exception {
        String what = parsed.getMethod() + " " + parsed.getUri();
        assertThat(request.getMethod()).as(what).isEqualTo(parsed.getMethod());
        assertThat(request.getScheme()).as(what).isEqualTo(parsed.getScheme());
        assertThat(request.getAuthority()).as(what).isEqualTo(parsed.getAuthority());
        assertThat(request.getPath()).as(what).isEqualTo(parsed.getPath());
        assertThat(request.getRequestUri()).as(what).isEqualTo(parsed.getRequestUri());
        assertThat(request.getUri()).as(what).isEqualTo(parsed.getUri());
    }

    private static RuntimeException thrownBy(Runnable parse) {
        try {
            parse.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("parsed");
    }
}
