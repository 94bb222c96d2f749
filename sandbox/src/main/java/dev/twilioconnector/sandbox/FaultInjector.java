package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

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
            case TOO_MANY_REQUESTS -> Responses.send(exchange, 429, new TwilioError(429, 20429, "Too Many Requests").body());
            case TOO_MANY_REQUESTS_RETRY_AFTER -> {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(faults.retryAfter().toSeconds()));
                Responses.send(exchange, 429, new TwilioError(429, 20429, "Too Many Requests").body());
            }
            case SERVICE_UNAVAILABLE -> Responses.send(exchange, 503, new TwilioError(503, 20503, "Service Unavailable").body());
            default -> {
                RequestAttributes.set(exchange, SLOW_RESPONSE_DELAY, faults.slowResponseDelay());
                chain.doFilter(exchange);
            }
        }
    }

    @Override
    public String description() {
        return "fails the requests a test asks it to";
    }
}
