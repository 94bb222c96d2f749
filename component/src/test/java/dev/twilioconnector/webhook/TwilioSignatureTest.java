package dev.twilioconnector.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's own test vectors for X-Twilio-Signature, and the requests that must not pass. */
class TwilioSignatureTest {

    private static final TwilioSignature SIGNATURE = new TwilioSignature("12345");
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of("Digits", List.of("1234"),
            "CallSid", List.of("CA1234567890ABCDE"), "To", List.of("+18005551212"),
            "Caller", List.of("+14158675309"), "From", List.of("+14158675309"));
    private static final String EXPECTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private static final byte[] JSON = "{\"property\": \"value\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8);
    private static final String JSON_URL = URL + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    @Test
    void signsTwilioTestVector() {
        assertThat(SIGNATURE.sign(URL, PARAMS)).isEqualTo(EXPECTED);
        assertThat(SIGNATURE.validForm(URL, PARAMS, EXPECTED)).isTrue();
    }

    @Test
    void acceptsTheUrlWithOrWithoutTheDefaultPort() {
        assertThat(SIGNATURE.validForm("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS, EXPECTED)).isTrue();
        String signedWithPort = SIGNATURE.sign("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS);
        assertThat(SIGNATURE.validForm(URL, PARAMS, signedWithPort)).isTrue();
        assertThat(TwilioSignature.urlForms("http://example.com:8080/sms")).containsExactly("http://example.com:8080/sms");
        assertThat(TwilioSignature.urlForms("http://example.com/sms")).containsExactly("http://example.com/sms", "http://example.com:80/sms");
    }

    @Test
    void refusesAForgedMissingOrOtherTokensSignature() {
        assertThat(SIGNATURE.validForm(URL, PARAMS, null)).isFalse();
        assertThat(SIGNATURE.validForm(URL, PARAMS, "")).isFalse();
        assertThat(SIGNATURE.validForm(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B9=")).isFalse();
        assertThat(new TwilioSignature("54321").validForm(URL, PARAMS, EXPECTED)).isFalse();
        assertThat(SIGNATURE.validForm(URL, Map.of("Digits", List.of("1235")), EXPECTED)).isFalse();
        assertThat(SIGNATURE.validForm("https://mycompany.com/myapp.php?foo=1&bar=3", PARAMS, EXPECTED)).isFalse();
        assertThat(SIGNATURE.validForm("https://mycompany.com:8443/myapp.php?foo=1&bar=2", PARAMS, EXPECTED)).isFalse();
    }

    @Test
    void checksAJsonBodyAgainstItsBodySha256() {
        assertThat(SIGNATURE.validJson(JSON_URL, JSON, "a9nBmqA0ju/hNViExpshrM61xv4=")).isTrue();
        assertThat(SIGNATURE.validJson(JSON_URL, "{\"property\": \"other\"}".getBytes(StandardCharsets.UTF_8),
                "a9nBmqA0ju/hNViExpshrM61xv4=")).isFalse();
        assertThat(SIGNATURE.validJson(URL, JSON, SIGNATURE.sign(URL, Map.of()))).isFalse();
    }

    @Test
    void neverShowsTheToken() {
        assertThat(new TwilioSignature("secret-token-value")).asString().doesNotContain("secret-token-value");
    }
}
