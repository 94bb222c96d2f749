package dev.twilioconnector.support;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel context whose twilio-connector component talks to a fresh embedded sandbox over real
 * HTTP on loopback. Each test starts with empty collections and an empty request log.
 */
public abstract class SandboxTestSupport extends CamelTestSupport {

    protected static TwilioSandbox sandbox;
    protected ProducerTemplate producer;

    @BeforeAll
    static void startSandbox() {
        sandbox = TwilioSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void emptySandbox() {
        sandbox.reset();
        producer = context.createProducerTemplate();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.addComponent("twilio-connector", sandboxConnection(sandbox));
        return camel;
    }

    /**
     * A connection on the sandbox: a component with its account, Auth Token and base URL, and every other product
     * pointed at where the sandbox serves it ({@code baseUrls}), not yet added to a context. Tests that need one
     * beside this class's, or run their own contexts, set what else they test on it.
     */
    public static TwilioConnectorComponent sandboxConnection(TwilioSandbox sandbox) {
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.getConfiguration().setAccountSid(sandbox.accountSid());
        component.getConfiguration().setAuthToken(sandbox.authToken());
        component.getConfiguration().setBaseUrl(sandbox.baseUrl());
        Map<String, String> products = new LinkedHashMap<>();
        Catalog.standard().products().forEach(product -> products.put(product, sandbox.productBaseUrl(product)));
        component.getConfiguration().setBaseUrls(products);
        return component;
    }

    /** The body of a Get, Create or Update: one record. */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> record(Object body) {
        assertThat(body).isInstanceOf(Map.class);
        return (Map<String, Object>) body;
    }

    /** The body of a List: its records. */
    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> records(Object body) {
        assertThat(body).isInstanceOf(List.class);
        return (List<Map<String, Object>>) body;
    }

    /** Sends the body (and headers) to the endpoint and returns the exchange, failed or not. */
    protected Exchange call(String uri, Object body, Map<String, Object> headers) {
        return producer.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    protected Exchange call(String uri, Object body) {
        return call(uri, body, Map.of());
    }

    /** The body the endpoint returned, failing the test with the exception if the exchange failed. */
    protected Object callOk(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = call(uri, body, headers);
        if (exchange.getException() != null) {
            throw new AssertionError("exchange failed: " + exchange.getException().getMessage(), exchange.getException());
        }
        return exchange.getMessage().getBody();
    }

    protected Object callOk(String uri, Object body) {
        return callOk(uri, body, Map.of());
    }

    /** The requests the connector sent to the sandbox since the test started. */
    protected static List<RecordedRequest> requests() {
        return sandbox.requests();
    }

    /** Method, path and raw query of each request, e.g. {@code GET /2010-04-01/.../Messages.json?PageSize=25}. */
    protected static List<String> requestLines() {
        return sandbox.requests().stream()
                .map(r -> r.method() + " " + r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery()))
                .toList();
    }

    /** Puts a message sent (or received, when inbound) at {@code sent} into the sandbox; its SID. */
    protected static String putMessage(String direction, String body, Instant sent) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("direction", direction);
        fields.put("body", body);
        fields.put("status", direction.equals("inbound") ? "received" : "sent");
        fields.put("date_sent", sent);
        return String.valueOf(sandbox.put("Messages", fields).get("sid"));
    }

    protected static String accountPath(String rest) {
        return "/2010-04-01/Accounts/" + sandbox.accountSid() + "/" + rest;
    }
}
