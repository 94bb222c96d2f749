package dev.twilioconnector.settings;

import dev.twilioconnector.client.ProductHosts;
import dev.twilioconnector.error.InvalidSettingException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks where Twilio is and how long to wait for it. */
public final class TransportCheck {

    private static final String API = ProductHosts.API;
    private static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private TransportCheck() {
    }

    public static String baseUrl(String baseUrl) {
        return url("baseUrl", baseUrl);
    }

    /**
     * The base URL of each product the connection points elsewhere, the 2010 API's ({@code baseUrl}) as {@code api}
     * unless it is Twilio's own.
     *
     * @param baseUrl   the 2010 API's base URL, checked
     * @param twilios   the 2010 API's own base URL
     * @param baseUrls  the {@code baseUrls} option
     * @param products  the keys of the products the catalog knows, besides {@code api}
     */
    public static Map<String, String> baseUrls(String baseUrl, String twilios, Map<String, String> baseUrls,
                                               Set<String> products) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : baseUrls.entrySet()) {
            String setting = "baseUrls[" + entry.getKey() + "]";
            if (!API.equals(entry.getKey()) && !products.contains(entry.getKey())) {
                Set<String> known = new TreeSet<>(products);
                known.add(API);
                throw new InvalidSettingException(setting, "names no Twilio product: give one of " + String.join(", ", known));
            }
            checked.put(entry.getKey(), withoutTrailingSlash(url(setting, entry.getValue())));
        }
        String api = withoutTrailingSlash(baseUrl);
        if (!api.equals(withoutTrailingSlash(twilios))) {
            String mapped = checked.putIfAbsent(API, api);
            if (mapped != null && !mapped.equals(api)) {
                throw new InvalidSettingException("baseUrls[api]", "is " + mapped + " but baseUrl is " + api
                        + ": baseUrl is the api entry, give one of them");
            }
        }
        return checked;
    }

    /** A region or edge, or null when not set. */
    public static String location(String setting, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!LOCATION.matcher(value.trim()).matches()) {
            throw new InvalidSettingException(setting, "'" + value + "' is not a Twilio " + setting
                    + ": lowercase letters, digits and '-', e.g. " + ("region".equals(setting) ? "ie1" : "dublin"));
        }
        return value.trim();
    }

    public static Duration timeout(String setting, int millis) {
        if (millis < 1) {
            throw new InvalidSettingException(setting, "is " + millis + ": give a number of milliseconds, at least 1");
        }
        return Duration.ofMillis(millis);
    }

    private static String url(String setting, String url) {
        String value = url == null ? "" : url.trim();
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return value;
            }
        } catch (URISyntaxException notAUri) {
            // answered below, as every other unusable value
        }
        throw new InvalidSettingException(setting, "'" + value + "' is not an http:// or https:// URL with a host,"
                + " e.g. https://api.twilio.com");
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
