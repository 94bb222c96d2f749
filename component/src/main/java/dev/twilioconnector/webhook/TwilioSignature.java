package dev.twilioconnector.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): HMAC-SHA1 keyed with the Auth Token over the full URL
 * Twilio requested followed by each POST parameter, sorted by name, as name then value; base64. Twilio may or may
 * not have included the default port in the URL it signed, so both forms are accepted. A request with a JSON body
 * is signed over the URL alone, whose {@code bodySHA256} query parameter carries the hex SHA-256 of the body.
 * The Auth Token is held only inside the key and never shown.
 */
public final class TwilioSignature {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private final SecretKeySpec key;

    public TwilioSignature(String authToken) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("Setting authToken is missing: checking X-Twilio-Signature needs the account's Auth Token");
        }
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1);
    }

    /** The signature Twilio sends for a form POST (or a GET, with no parameters) to {@code url}. */
    public String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /** True when {@code signature} is Twilio's for a form request, with or without the URL's default port. */
    public boolean validForm(String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        boolean valid = false;
        for (String candidate : urlForms(url)) {
            // every form is compared, so the time taken does not reveal which one matched
            valid |= MessageDigest.isEqual(utf8(sign(candidate, params)), utf8(signature));
        }
        return valid;
    }

    /** True when {@code signature} is Twilio's for a JSON body sent to {@code url} with its bodySHA256 parameter. */
    public boolean validJson(String url, byte[] body, String signature) {
        String expected = queryParameter(url, "bodySHA256");
        if (expected == null || !validForm(url, Map.of(), signature)) {
            return false;
        }
        try {
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return MessageDigest.isEqual(utf8(actual), utf8(expected.toLowerCase()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The URL as given, and with its default port added or removed. */
    static List<String> urlForms(String url) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(url);
        try {
            URI uri = new URI(url);
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
            if (defaultPort > 0 && uri.getRawAuthority() != null) {
                String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
                String prefix = uri.getScheme() + "://" + userInfo + uri.getHost();
                String rest = url.substring(url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
                if (uri.getPort() == -1) {
                    forms.add(prefix + ":" + defaultPort + rest);
                } else if (uri.getPort() == defaultPort) {
                    forms.add(prefix + rest);
                }
            }
        } catch (URISyntaxException notAUri) {
            // only the URL as given can match
        }
        return new ArrayList<>(forms);
    }

    private static String queryParameter(String url, String name) {
        int question = url.indexOf('?');
        if (question < 0) {
            return null;
        }
        for (String pair : url.substring(question + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TwilioSignature[authToken=******]";
    }
}
