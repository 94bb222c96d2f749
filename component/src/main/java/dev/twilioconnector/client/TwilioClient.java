package dev.twilioconnector.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.twilioconnector.error.TwilioConnectorException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
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
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends requests to Twilio over Apache HttpClient 5, as camel-http does: one pooled client per
 * connection, Basic authentication on every request to the base URL's origin and on no other
 * ({@link CredentialsScope}), form-encoded POSTs (JSON where the operation's description takes JSON), JSON
 * answers, and downloads read as streams. HttpClient's own retries and redirects are off, so that the
 * connector's call path alone decides what is repeated, and the client alone which redirect it follows.
 */
public final class TwilioClient implements Closeable {

    private static final String USER_AGENT = "twilio-connector/0.1 (Apache Camel)";
    private static final byte[] NO_BODY = new byte[0];
    /** The most of an error's body read: Twilio's error JSON is a few hundred bytes, a storage host's page more. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    /** Twilio redirects a download once, to its storage; a chain longer than this is not Twilio's. */
    private static final int MAX_REDIRECTS = 3;

    private final ClientSettings settings;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper;

    /**
     * @param writes told on the sending thread just before each request is written, once any connection it needed is
     *               open, and once it has been written
     */
    public TwilioClient(ClientSettings settings, ObjectMapper mapper, WriteListener writes) {
        this.settings = settings;
        this.mapper = mapper;
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .build();
        this.http = ProxyRouting.configure(settings.proxy(), HttpClients.custom())
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connection)
                        .setConnectionFactory(new WriteReportingConnections(writes))
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
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "twilio-connector-credentials",
                        new CredentialsScope(settings.hosts(), settings.credentials()))
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "twilio-connector-writing",
                        TransportFailures.MARK_WRITING)
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "twilio-connector-departure",
                        (request, scope, chain) -> {
                            writes.writing();
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
        http.setHeader(HttpHeaders.ACCEPT, "application/json");
        request.headers().forEach(http::setHeader);
        if (request.json() != null) {
            http.setEntity(new ByteArrayEntity(json(request), ContentType.APPLICATION_JSON));
        } else if ("POST".equals(request.method()) || "PUT".equals(request.method())) {
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

    /**
     * A GET of content that is not JSON (a recording's audio, a media file), answered as a stream the caller must
     * close. Twilio answers it with a redirect to a temporary address on its storage host, which is followed here,
     * without credentials ({@link CredentialsScope}). A failure before the content's first byte is handed over
     * (no connection, an error status, too many redirects) is thrown as {@link #send} throws it.
     */
    public TwilioDownload download(TwilioRequest request) {
        ClassicHttpRequest http = settings.hosts().baseUrl(request.product(), request.host()).request("GET", request.target());
        HttpClientContext context = HttpClientContext.create();
        String requestId = null;
        try {
            for (int redirects = 0; ; redirects++) {
                ClassicHttpResponse response = this.http.executeOpen(null, http, context);
                Header twilioRequestId = response.getFirstHeader("Twilio-Request-Id");
                requestId = twilioRequestId == null ? requestId : twilioRequestId.getValue();
                Header location = response.getFirstHeader(HttpHeaders.LOCATION);
                if (isRedirect(response.getCode()) && location != null && redirects < MAX_REDIRECTS) {
                    EntityUtils.consume(response.getEntity());
                    response.close();
                    http = new HttpGet(http.getUri().resolve(location.getValue()));
                    continue;
                }
                if (response.getCode() >= 300) {
                    throw refused(request, response);
                }
                return content(response, requestId);
            }
        } catch (ClientProtocolException e) {
            if (e.getCause() instanceof TunnelRefusedException refused && refused.getMessage().contains(" 407")) {
                throw ProxyRouting.refused(settings.proxy(), request);
            }
            throw TransportFailures.of(request, e, context);
        } catch (IOException | URISyntaxException e) {
            throw TransportFailures.of(request, e instanceof IOException io ? io : new IOException(e), context);
        }
    }

    private static TwilioDownload content(ClassicHttpResponse response, String requestId) throws IOException {
        HttpEntity entity = response.getEntity();
        try {
            return new TwilioDownload(response, entity == null ? InputStream.nullInputStream() : entity.getContent(),
                    entity == null ? null : entity.getContentType(), entity == null ? 0 : entity.getContentLength(),
                    requestId);
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The error of an answer that brought no content: Twilio's own when it sent one, read and the answer closed. */
    private RuntimeException refused(TwilioRequest request, ClassicHttpResponse response) throws IOException {
        try (response) {
            int status = response.getCode();
            if (status == 407 && settings.proxy().enabled()) {
                return ProxyRouting.refused(settings.proxy(), request);
            }
            if (isRedirect(status)) {
                return new TwilioConnectorException(status, null, "redirected more than " + MAX_REDIRECTS
                        + " times, or without a Location", null, request.purpose() + " (" + request + ")");
            }
            String text = response.getEntity() == null ? ""
                    : new String(EntityUtils.toByteArray(response.getEntity(), ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
            JsonNode body = text.isBlank() ? MissingNode.getInstance() : parse(text);
            return error(request, status, body, RetryAfter.of(response, Instant.now()));
        }
    }

    private TwilioResponse answer(TwilioRequest request, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status == 407 && settings.proxy().enabled()) {
            throw ProxyRouting.refused(settings.proxy(), request);
        }
        Header requestId = response.getFirstHeader("Twilio-Request-Id");
        HttpEntity entity = response.getEntity();
        if (status >= 400) {
            String text = entity == null ? "" : new String(EntityUtils.toByteArray(entity), StandardCharsets.UTF_8);
            throw error(request, status, text.isBlank() ? MissingNode.getInstance() : parse(text),
                    RetryAfter.of(response, Instant.now()));
        }
        Object body;
        try (JsonParser json = entity == null ? mapper.createParser(NO_BODY) : mapper.createParser(entity.getContent())) {
            body = request.answer().read(json);
        } catch (JsonProcessingException notJson) {
            throw new TwilioConnectorException(status, null, "the answer is not JSON", null, request.purpose() + " (" + request + ")");
        }
        return new TwilioResponse(status, body, requestId == null ? null : requestId.getValue());
    }

    private byte[] json(TwilioRequest request) {
        try {
            return mapper.writeValueAsBytes(request.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON body built from a payload cannot be written", e);
        }
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
