package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/**
 * The filter after authentication that fails the requests {@link Faults} picks. A fault that turns the request
 * away is answered here; one that spoils the answer is left on the exchange for {@link Responses} to apply after
 * the handler has done the work.
 */
final class FaultInjector extends Filter {

    /** Request attribute: the {@link Fault} of this request, absent when it is answered normally. */
    static final String FAULT = "sandbox.fault";
    /** Request attribute: how long a {@link Fault#SLOW_RESPONSE} holds the answer, a {@link java.time.Duration}. */
    static final String SLOW_RESPONSE_DELAY = "sandbox.slowResponseDelay";

    private final Faults faults;

    FaultInjector(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Fault fault = faults.pick();
        if (fault == null) {
            chain.doFilter(exchange);
            return;
        }
        RequestAttributes.set(exchange, FAULT, fault);
        switch (fault) {
            case TOO_MANY_REQUESTS -> Responses.send(exchange, 429, TwilioError.tooManyRequests().body());
            case TOO_MANY_REQUESTS_RETRY_AFTER -> {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(faults.retryAfter().toSeconds()));
                Responses.send(exchange, 429, TwilioError.tooManyRequests().body());
            }
            case SERVICE_UNAVAILABLE -> Responses.send(exchange, 503, new TwilioError(503, 20503, "Service Unavailable").body());
            case INTERNAL_SERVER_ERROR -> Responses.send(exchange, 500, new TwilioError(500, 20500, "Internal Server Error").body());
            case BAD_GATEWAY -> gatewayPage(exchange, 502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> gatewayPage(exchange, 504, "Gateway Time-out");
            default -> {
                RequestAttributes.set(exchange, SLOW_RESPONSE_DELAY, faults.slowResponseDelay());
                chain.doFilter(exchange);
            }
        }
    }

    /** The page a load balancer answers with when Twilio behind it does not: HTML, not Twilio's JSON. */
    private static void gatewayPage(HttpExchange exchange, int status, String reason) throws IOException {
        if (RequestAttributes.get(exchange, Responses.ON_STATUS) instanceof IntConsumer listener) {
            listener.accept(status);
        }
        byte[] page = ("<html><head><title>" + status + " " + reason + "</title></head><body><center><h1>" + status
                + " " + reason + "</h1></center></body></html>\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(status, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    @Override
    public String description() {
        return "fails the requests a test asks it to";
    }
}
