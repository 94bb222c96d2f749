package dev.twilioconnector.client;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.net.URIAuthority;

import java.net.URI;

/**
 * A connection's base URL, parsed once, and the requests to it. Parsing the base URL and the target together on every
 * request took 5 % of a Get; a target made only of the characters a URI allows as they are, as every path and query
 * the connector builds is, is set beside the parsed base instead, which is the request parsing would give.
 */
final class BaseUrl {

    /** Besides letters and digits, and {@code %} before two hex digits. */
    private static final String PLAIN = "-._~!$&'()*+,;=:@/?";

    private final String url;
    private final String scheme;
    private final URIAuthority authority;
    private final String pathPrefix;

    BaseUrl(String url) {
        URI base = URI.create(url);
        this.url = url;
        this.scheme = base.getScheme();
        this.authority = new URIAuthority(base.getRawUserInfo(), base.getHost(), base.getPort());
        this.pathPrefix = base.getRawPath();
    }

    /**
     * @param target the path and query, from {@code /}; any other target is parsed with the base URL as before, and
     *               refused as before when it is not part of a URI
     */
    ClassicHttpRequest request(String method, String target) {
        if (!plain(target)) {
            return new HttpUriRequestBase(method, URI.create(url + target));
        }
        return new BasicClassicHttpRequest(method, scheme, authority, pathPrefix + target);
    }

    private static boolean plain(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PLAIN.indexOf(c) >= 0
                    || c == '%' && i + 2 < target.length() && hex(target.charAt(i + 1)) && hex(target.charAt(i + 2));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
