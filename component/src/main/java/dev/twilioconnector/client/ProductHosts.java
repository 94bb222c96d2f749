package dev.twilioconnector.client;

import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.HttpHost;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the requests of each Twilio product go. A product the connection names in {@code baseUrls} (the 2010 API's
 * key being {@code api}, which {@code baseUrl} sets) goes there, path prefix and all; any other goes to the host
 * Twilio's description gives it, placed in the region and edge as Twilio's own libraries place it:
 * {@code https://verify.twilio.com} becomes {@code https://verify.<edge>.<region>.twilio.com}, an edge with no
 * region taking {@code us1}. The origins of these base URLs are the only ones credentials go to
 * ({@link CredentialsScope}): a product's is added when its first request is addressed, before it is sent.
 */
public final class ProductHosts {

    /** The key of the 2010 API's base URL. */
    public static final String API = "api";
    private static final String DEFAULT_REGION = "us1";
    private static final String TWILIO_DOMAIN = ".twilio.com";

    private final Map<String, String> configured;
    private final String region;
    private final String edge;
    private final Map<String, BaseUrl> resolved = new ConcurrentHashMap<>();
    private final Set<HttpHost> origins = ConcurrentHashMap.newKeySet();

    /**
     * @param baseUrls the base URLs the connection sets, by product key, without a trailing slash
     * @param region   Twilio's region ({@code au1}, {@code ie1}), or null
     * @param edge     Twilio's edge location ({@code sydney}, {@code dublin}), or null
     */
    public ProductHosts(Map<String, String> baseUrls, String region, String edge) {
        this.configured = Map.copyOf(baseUrls);
        this.region = edge != null && region == null ? DEFAULT_REGION : region;
        this.edge = edge;
        configured.values().forEach(url -> origins.add(origin(url)));
    }

    /** The base URL the product's requests go to: the connection's for it, or its host in the region and edge. */
    public String url(String product, String host) {
        String url = configured.get(product);
        return url != null ? url : placed(host);
    }

    /** Keyed by the product alone, so a request builds no key: each product's catalog names one host. */
    BaseUrl baseUrl(String product, String host) {
        return resolved.computeIfAbsent(product, key -> {
            String url = url(product, host);
            origins.add(origin(url));
            return new BaseUrl(url);
        });
    }

    /** Whether {@code target} is the origin (scheme, host, port) of a base URL the connection sends requests to. */
    boolean isOrigin(HttpHost target) {
        return origins.contains(RoutingSupport.normalize(target, DefaultSchemePortResolver.INSTANCE));
    }

    private static HttpHost origin(String url) {
        URI uri = URI.create(url);
        return RoutingSupport.normalize(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()),
                DefaultSchemePortResolver.INSTANCE);
    }

    private String placed(String host) {
        URI uri = URI.create(host);
        String name = uri.getHost();
        if (region == null || name == null || !name.endsWith(TWILIO_DOMAIN)) {
            return host;
        }
        String label = name.substring(0, name.indexOf('.'));
        return uri.getScheme() + "://" + label + (edge == null ? "" : "." + edge) + "." + region + TWILIO_DOMAIN;
    }
}
