package dev.twilioconnector.resilience;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.client.TwilioResponse;
import dev.twilioconnector.error.TwilioConnectorCircuitOpenException;
import dev.twilioconnector.error.TwilioConnectorOutcomeUnknownException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The call path of one connection between the operations and the HTTP client: every request is retried where
 * that is safe (resilience4j Retry), passes the connection's circuit breaker (resilience4j CircuitBreaker) and
 * takes its turn at the node throttle, each attempt anew, so a retry counts against the limit like any request.
 *
 * <pre>
 * retry ( circuit breaker ( node throttle ( HTTP client ) ) )
 * </pre>
 *
 * The breaker stands before the throttle so that, while it is open, requests fail at once instead of waiting
 * for a turn they would not use. Every 429 Twilio answers, retried or not, tells the throttle to slow down: the
 * account's limit is reached, and retrying at the same rate would only spend the retries.
 */
public final class CallPath implements Function<TwilioRequest, TwilioResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(CallPath.class);

    private final String connection;
    private final Function<TwilioRequest, TwilioResponse> send;
    private final RetrySettings retrySettings;
    private final BreakerSettings breakerSettings;
    private final NodeThrottle throttle;
    private final CircuitBreaker breaker;
    private final Retry retry;

    public CallPath(String connection, Function<TwilioRequest, TwilioResponse> send, NodeThrottle throttle,
                         RetrySettings retrySettings, BreakerSettings breakerSettings) {
        this.connection = connection;
        this.send = send;
        this.retrySettings = retrySettings;
        this.breakerSettings = breakerSettings;
        this.throttle = throttle;
        this.breaker = CircuitBreaker.of(connection, breakerSettings.config());
        this.retry = Retry.of(connection, RetryConfig.<TwilioResponse>custom()
                .maxAttempts(retrySettings.maxAttempts())
                // the call decides when it fails whether it goes again, within the attempts and the time allowed
                .retryOnException(failure -> failure instanceof FailedAttempt attempt && attempt.mayRetry())
                // only failures are retried (no result predicate), so the outcome is always the FailedAttempt
                .intervalBiFunction((failedAttempts, outcome) -> ((FailedAttempt) outcome.getLeft()).delayMillis())
                .build());
        breaker.getEventPublisher().onStateTransition(event -> LOG.warn("Connection {}: circuit breaker {} ({}% of the last {}"
                + " requests to Twilio failed)", connection, event.getStateTransition(),
                breaker.getMetrics().getFailureRate(), breaker.getMetrics().getNumberOfBufferedCalls()));
    }

    @Override
    public TwilioResponse apply(TwilioRequest request) {
        return call(request, send, () -> new TwilioResponse(204, MissingNode.getInstance(), null));
    }

    /**
     * A GET whose answer {@code open} hands over as a stream (a recording's audio), through the same retries, breaker
     * and throttle as any request: a failure before {@code open} returns, before any byte of the content reached the
     * caller, is retried as a GET's is; what fails while the caller reads is the caller's.
     */
    public <A> A open(TwilioRequest request, Function<TwilioRequest, A> open) {
        if (!"GET".equals(request.method())) {
            throw new IllegalArgumentException("Only a GET is opened as a stream, not " + request);
        }
        return call(request, open, () -> {
            throw new IllegalStateException("Only a DELETE is found already done, not " + request);
        });
    }

    private <A> A call(TwilioRequest request, Function<TwilioRequest, A> send, Supplier<A> alreadyDeleted) {
        Retry.Context<A> context = retry.context();
        Call call = new Call(request, retrySettings);
        while (true) {
            try {
                A response = attempt(request, send);
                context.onComplete();
                return response;
            } catch (RuntimeException failure) {
                if (call.alreadyDeleted(failure)) {
                    context.onComplete();
                    return alreadyDeleted.get();
                }
                try {
                    // sleeps before the next attempt, or throws when this failure or this call has no retry left
                    context.onRuntimeError(call.failed(failure));
                } catch (FailedAttempt last) {
                    throw finalFailure(request, last.failure());
                }
                LOG.debug("Connection {}: retrying {} ({}) after {}", connection, request.purpose(), request, failure.getMessage());
            }
        }
    }

    /**
     * One attempt at {@code request}, without retries, through the circuit breaker and the node throttle: for a
     * probe, which must answer promptly and is asked again anyway.
     */
    public TwilioResponse sendOnce(TwilioRequest request) {
        return attempt(request, send);
    }

    private <A> A attempt(TwilioRequest request, Function<TwilioRequest, A> send) {
        if (!breaker.tryAcquirePermission()) {
            throw circuitOpen(request);
        }
        try {
            throttle.acquire();
        } catch (RuntimeException notSent) {
            breaker.releasePermission();
            throw notSent;
        }
        long start = breaker.getCurrentTimestamp();
        try {
            A response = send.apply(request);
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            return response;
        } catch (RuntimeException failure) {
            // the breaker counts only failures that signal trouble with Twilio; a 404 is a healthy answer
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
            if (RetryRules.tooManyRequests(failure)) {
                throttle.tooManyRequests();
            }
            throw failure;
        }
    }

    private static RuntimeException finalFailure(TwilioRequest request, RuntimeException failure) {
        if (!RetryRules.idempotent(request) && RetryRules.outcomeUnknown(failure)) {
            return new TwilioConnectorOutcomeUnknownException(request.purpose(), request.method(), request.target(),
                    payload(request), failure);
        }
        return failure;
    }

    private static Map<String, List<String>> payload(TwilioRequest request) {
        Map<String, List<String>> payload = new LinkedHashMap<>();
        request.form().entries().forEach(entry ->
                payload.computeIfAbsent(entry.getKey(), name -> new ArrayList<>()).add(entry.getValue()));
        if (request.json() != null) {
            request.json().fields().forEachRemaining(entry -> payload.put(entry.getKey(),
                    List.of(entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString())));
        }
        payload.replaceAll((name, values) -> List.copyOf(values));
        return payload;
    }

    private TwilioConnectorCircuitOpenException circuitOpen(TwilioRequest request) {
        CircuitBreaker.State state = breaker.getState();
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        String why = state == CircuitBreaker.State.HALF_OPEN
                ? "is HALF_OPEN and its " + breakerSettings.permittedCallsInHalfOpenState() + " probe requests are out"
                : "is " + state + ": " + metrics.getFailureRate() + "% of the last " + metrics.getNumberOfBufferedCalls()
                        + " requests to Twilio failed (circuitBreakerFailureRateThreshold "
                        + breakerSettings.failureRateThreshold() + "%)";
        return new TwilioConnectorCircuitOpenException("The circuit breaker of connection " + connection + " " + why
                + ", so " + request.purpose() + " (" + request + ") was not sent. "
                + breakerSettings.waitDurationInOpenState().toMillis() + " ms after opening it lets "
                + breakerSettings.permittedCallsInHalfOpenState() + " probe requests through to see whether Twilio"
                + " has recovered", state.name());
    }

    public NodeThrottle throttle() {
        return throttle;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public Retry retry() {
        return retry;
    }
}
