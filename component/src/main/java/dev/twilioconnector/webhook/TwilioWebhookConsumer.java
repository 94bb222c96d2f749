package dev.twilioconnector.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Receives Twilio's webhooks over the runtime's HTTP server (camel-platform-http) at one path: checks the
 * request's X-Twilio-Signature, hands the route a record made of the form parameters, and answers TwiML. A request
 * whose signature is missing or wrong is answered 403 and never reaches the route.
 *
 * <p>Twilio's signature carries no timestamp, so an old request cannot be told from a new one by its signature. What
 * Twilio does send is I-Twilio-Idempotency-Token, the same on every retry of one webhook: the latest tokens (with
 * their signature) are remembered, and a request that repeats one is answered 200 without reaching the route again.
 * A token is forgotten when the route fails, so that Twilio's retry is delivered.
 *
 * <p>The tokens are remembered in the component's webhookIdempotentRepository when set, one that every node behind
 * the public URL shares, so that a retry reaching another node is not delivered again (the signature is the same
 * on every node when webhookBaseUrl names the public URL); else in this consumer's memory.
 */
public class TwilioWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookConsumer.class);
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    static final String IDEMPOTENCY_TOKEN_HEADER = "I-Twilio-Idempotency-Token";

    private final String path;
    private final WebhookOptions options;
    private final Supplier<String> authToken;
    private final WebhookRecords records;
    private final IdempotentRepository shared;
    private TwilioSignature signature;
    private IdempotentRepository delivered;
    private Consumer http;

    /** @param shared where to remember tokens, shared by the nodes; null for this consumer's memory */
    public TwilioWebhookConsumer(Endpoint endpoint, Processor processor, String path, WebhookOptions options,
                                 Supplier<String> authToken, ObjectMapper mapper, IdempotentRepository shared) {
        super(endpoint, processor);
        this.shared = shared;
        this.path = path;
        this.options = options;
        this.authToken = authToken;
        this.records = new WebhookRecords(mapper);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (options.validateSignature()) {
            signature = new TwilioSignature(authToken.get());
        }
        if (options.replayCacheSize() < 0) {
            throw new TwilioConnectorInputException("webhookReplayCacheSize " + options.replayCacheSize()
                    + " is out of range: allowed 0 (remember no request) or more");
        }
        if (shared != null) {
            // started here when no one else did; never stopped here: other consumers, and other nodes, use it
            ServiceHelper.startService(shared);
            delivered = shared;
        } else if (options.replayCacheSize() > 0) {
            delivered = MemoryIdempotentRepository.memoryIdempotentRepository(options.replayCacheSize());
            ServiceHelper.startService(delivered);
        }
        Endpoint endpoint = getEndpoint().getCamelContext().getEndpoint("platform-http:/" + path + "?httpMethodRestrict=POST");
        http = endpoint.createConsumer(this::receive);
        ServiceHelper.startService(http);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownServices(http, delivered == shared ? null : delivered);
        http = null;
        delivered = null;
        super.doStop();
    }

    private void receive(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        boolean json = contentType.toLowerCase().startsWith("application/json");
        byte[] raw = json ? message.getBody(byte[].class) : null;
        Map<String, List<String>> params = json ? Map.of() : formParameters(message);
        if (signature != null && !signed(message, params, raw)) {
            LOG.warn("Refused a webhook request to /{}: X-Twilio-Signature is missing or wrong", path);
            forbid(message);
            return;
        }
        String replayKey = replayKey(message);
        if (replayKey != null && !delivered.add(replayKey)) {
            LOG.info("Answered a repeated webhook request to /{} without delivering it again: its {} was seen before",
                    path, IDEMPOTENCY_TOKEN_HEADER);
            answer(message);
            return;
        }
        message.removeHeader(SIGNATURE_HEADER);
        if (json) {
            message.setBody(raw == null ? null : new String(raw, StandardCharsets.UTF_8));
        } else {
            message.setBody(records.record(params));
            records.entityOf(params).map(Entity::name)
                    .ifPresent(name -> message.setHeader(TwilioConnectorConstants.WEBHOOK_ENTITY, name));
        }
        getProcessor().process(exchange);
        if (exchange.getException() == null) {
            answer(exchange.getMessage());
        } else if (replayKey != null) {
            delivered.remove(replayKey);
        }
    }

    /** The token and signature of a request to remember, or null when there is no token or nothing is remembered. */
    private String replayKey(Message message) {
        String token = message.getHeader(IDEMPOTENCY_TOKEN_HEADER, String.class);
        if (delivered == null || token == null || token.isBlank()) {
            return null;
        }
        return token + " " + message.getHeader(SIGNATURE_HEADER, "", String.class);
    }

    private boolean signed(Message message, Map<String, List<String>> params, byte[] raw) {
        String given = message.getHeader(SIGNATURE_HEADER, String.class);
        String url = requestUrl(message);
        return raw != null ? signature.validJson(url, raw, given) : signature.validForm(url, params, given);
    }

    /**
     * The URL Twilio requested, as it signed it: the configured public prefix, or the URL the request reached,
     * with the scheme and host a reverse proxy reports in X-Forwarded-Proto and X-Forwarded-Host.
     */
    String requestUrl(Message message) {
        String query = message.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query == null) {
            query = message.getHeader(Exchange.HTTP_QUERY, String.class);
        }
        String suffix = "/" + path + (query == null || query.isEmpty() ? "" : "?" + query);
        String base = options.baseUrl();
        if (base == null || base.isBlank()) {
            String reached = message.getHeader(Exchange.HTTP_URL, String.class);
            URI seen = URI.create(reached != null ? reached : "http://" + message.getHeader("Host", "localhost", String.class));
            String proto = Optional.ofNullable(message.getHeader("X-Forwarded-Proto", String.class)).orElse(seen.getScheme());
            String host = Optional.ofNullable(message.getHeader("X-Forwarded-Host", String.class)).orElse(seen.getRawAuthority());
            base = proto + "://" + host;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + suffix;
    }

    /** The POST parameters, whether the HTTP engine kept them as the body (text or a map) or not. */
    private static Map<String, List<String>> formParameters(Message message) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Object body = message.getBody();
        if (body instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                List<String> values = params.computeIfAbsent(String.valueOf(name), k -> new ArrayList<>());
                if (value instanceof Iterable<?> many) {
                    many.forEach(one -> values.add(String.valueOf(one)));
                } else {
                    values.add(String.valueOf(value));
                }
            });
            return params;
        }
        String text = message.getBody(String.class);
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static void forbid(Message message) {
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 403);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        message.setBody("Forbidden: X-Twilio-Signature is missing or wrong");
    }

    private void answer(Message message) {
        String twiml = message.getHeader(TwilioConnectorConstants.TWIML, String.class);
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "text/xml");
        message.setBody(twiml != null ? twiml : options.response());
    }
}
