package dev.twilioconnector.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.twilioconnector.error.TwilioConnectorException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.TunnelRefusedException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends requests to Twilio over Apache HttpClient 5, as camel-http does: one pooled client per
 * connection, Basic authentication on every request, form-encoded POSTs, JSON answers.
 * HttpClient's own retries and redirects are off, so that the connector's call path alone decides
 * what is repeated.
 */
public final class TwilioClient implements Closeable {

    private static final String USER_AGENT = "twilio-connector/0.1 (Apache Camel)";

    private final ClientSettings settings;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper;

    /**
     * @param writing told on the sending thread just before each request is written, once any connection it needed
     *                is open
     */
    public TwilioClient(ClientSettings settings, ObjectMapper mapper, Runnable writing) {
        this.settings = settings;
        this.mapper = mapper;
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .build();
        this.http = ProxyRouting.configure(settings.proxy(), HttpClients.custom())
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connection)
                        .setTlsSocketStrategy(settings.sslContext() == null ? null : new DefaultClientTlsStrategy(settings.sslContext()))
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(64)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        // a request waiting for a pooled connection has not been written: HttpClient's default wait is 3 minutes
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "twilio-connector-writing",
                        TransportFailures.MARK_WRITING)
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "twilio-connector-departure",
                        (request, scope, chain) -> {
                            writing.run();
                            return chain.proceed(request, scope);
                        })
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT)
                .build();
    }

    public ClientSettings settings() {
        return settings;
    }

    public TwilioResponse send(TwilioRequest request) {
        ClassicHttpRequest http = settings.hosts().baseUrl(request.product(), request.host())
                .request(request.method(), request.target());
        http.setHeader(HttpHeaders.AUTHORIZATION, settings.credentials().basicAuthorization());
        http.setHeader(HttpHeaders.ACCEPT, "application/json");
        if ("POST".equals(request.method()) || "PUT".equals(request.method())) {
            List<NameValuePair> pairs = request.form().entries().stream()
                    .map(entry -> (NameValuePair) new BasicNameValuePair(entry.getKey(), entry.getValue()))
                    .toList();
            http.setEntity(new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8));
        }
        HttpClientContext context = HttpClientContext.create();
        try {
            return this.http.execute(http, context, response -> answer(request, response));
        } catch (ClientProtocolException e) {
            if (e.getCause() instanceof TunnelRefusedException refused && refused.getMessage().contains(" 407")) {
                throw ProxyRouting.refused(settings.proxy(), request);
            }
            throw TransportFailures.of(request, e, context);
        } catch (IOException e) {
            throw TransportFailures.of(request, e, context);
        }
    }

    private TwilioResponse answer(TwilioRequest request, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status == 407 && settings.proxy().enabled()) {
            throw ProxyRouting.refused(settings.proxy(), request);
        }
        String text = response.getEntity() == null ? "" : new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8);
        Header requestId = response.getFirstHeader("Twilio-Request-Id");
        JsonNode body = text.isBlank() ? MissingNode.getInstance() : parse(text);
        if (status >= 400) {
            throw error(request, status, body, RetryAfter.of(response, Instant.now()));
        }
        if (body == null) {
            throw new TwilioConnectorException(status, null, "the answer is not JSON", null, request.purpose() + " (" + request + ")");
        }
        return new TwilioResponse(status, body, requestId == null ? null : requestId.getValue());
    }

    private JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static TwilioConnectorException error(TwilioRequest request, int status, JsonNode body, Duration retryAfter) {
        Integer code = null;
        String message = null;
        String moreInfo = null;
        if (body != null && body.isObject()) {
            code = body.hasNonNull("code") ? body.get("code").asInt() : null;
            message = body.hasNonNull("message") ? body.get("message").asText() : null;
            moreInfo = body.hasNonNull("more_info") ? body.get("more_info").asText() : null;
        }
        return new TwilioConnectorException(status, code, message, moreInfo, request.purpose() + " (" + request + ")",
                retryAfter);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    @Override
    public String toString() {
        return "TwilioClient[" + settings.baseUrl() + " as " + settings.credentials().username() + "]";
    }
}
