package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's own HTTP API, for a test that drives a sandbox running in another JVM ({@link SandboxMain}) as
 * the Java API of {@link TwilioSandbox} drives one in its own. It lives under {@code /sandbox/}, which no Twilio
 * path starts with, and asks for no credentials: the sandbox is a test server that listens on loopback only.
 * Its requests are not in the request log, and neither the account limit nor faults apply to them.
 *
 * <ul>
 *   <li>{@code POST /sandbox/records} {@code {"path": "Messages", "records": [{...}, ...]}} ({@code records} may
 *       also be one object): stores each record as {@link TwilioSandbox#put} does; 201
 *       {@code {"records": [...]}}, the stored records in wire form.</li>
 *   <li>{@code GET /sandbox/records?path=Messages}: 200 {@code {"records": [...]}}, as
 *       {@link TwilioSandbox#records} lists them.</li>
 *   <li>{@code GET /sandbox/requests[?after=CURSOR]}: 200 {@code {"cursor": N, "requests": [...]}}, the requests
 *       logged after the cursor (all without one) in arrival order, and the cursor to ask with next.</li>
 *   <li>{@code DELETE /sandbox/requests}: clears the request log; 204. Cursors stay valid.</li>
 *   <li>{@code GET /sandbox/account-limit}: 200 {@code {"requestsPerSecond": N, "retryAfterSeconds": S}}
 *       ({@code null} for no {@code Retry-After}).</li>
 *   <li>{@code PUT /sandbox/account-limit} with a number ({@code 0} lifts the limit; the {@code Retry-After}
 *       stays) or with {@code {"requestsPerSecond": N, "retryAfterSeconds": S}} (no or {@code null}
 *       {@code retryAfterSeconds}: none): switches the {@link AccountLimit}; 200 with the GET's answer.</li>
 *   <li>{@code GET /sandbox/status-progression}: 200 {@code {"stepMillis": N}}, 0 when statuses do not move by
 *       themselves.</li>
 *   <li>{@code PUT /sandbox/status-progression} with a number or {@code {"stepMillis": N}}: milliseconds between
 *       two statuses of the {@link StatusProgression}, 0 to turn it off; 200 with the GET's answer.</li>
 *   <li>{@code GET /sandbox/verification-code?serviceSid=VA...&to=+1...}: 200 {@code {"serviceSid", "to", "code"}},
 *       the code of that number's pending Verify verification ({@link TwilioSandbox#verificationCode}); 404 when it
 *       has none.</li>
 * </ul>
 * A logged request is {@code {"method", "path", "rawQuery", "queryParams": {name: [values]}, "formParams": {name:
 * [values]}, "authUser", "status", "received": ISO-8601, "receivedNanos", "fault": a {@link Fault} name or null}}
 * as in {@link RecordedRequest}; {@code receivedNanos} is the sandbox JVM's {@link System#nanoTime()}, good for
 * the time between two requests only. The cursor counts the requests logged since start, in the order they were
 * answered: a request is logged when answered, so polling by arrival time would miss a slow one.
 * Unusable input is answered 400 with {@code {"message": "..."}}, an unknown path 404, another method 405.
 */
final class AdminApi implements HttpHandler {

    static final String PREFIX = "/sandbox/";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> LIMIT_FIELDS = Set.of("requestsPerSecond", "retryAfterSeconds");
    private static final String STEP_MILLIS = "stepMillis";
    private static final List<String> RESOURCES = List.of("records", "requests", "account-limit", "status-progression",
            "verification-code");

    private final TwilioSandbox sandbox;
    private final RequestLog requestLog;

    AdminApi(TwilioSandbox sandbox, RequestLog requestLog) {
        this.sandbox = sandbox;
        this.requestLog = requestLog;
    }

    private record Answer(int status, Object body) {

        static Answer message(int status, String message) {
            return new Answer(status, Map.of("message", message));
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try {
            answer = dispatch(exchange);
        } catch (JsonProcessingException e) {
            answer = Answer.message(400, "the body is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            answer = Answer.message(400, e.getMessage());
        }
        Responses.send(exchange, answer.status(), answer.body());
    }

    private Answer dispatch(HttpExchange exchange) throws IOException {
        String resource = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        Params query = Params.parse(exchange.getRequestURI().getRawQuery());
        return switch (resource + " " + method) {
            case "records POST" -> new Answer(201, Map.of("records", put(body(exchange))));
            case "records GET" -> new Answer(200, Map.of("records", sandbox.records(required(query, "path"))));
            case "requests GET" -> new Answer(200, requests(query));
            case "requests DELETE" -> {
                sandbox.clearRequests();
                yield new Answer(204, null);
            }
            case "account-limit GET" -> new Answer(200, accountLimit());
            case "account-limit PUT" -> {
                switchAccountLimit(body(exchange));
                yield new Answer(200, accountLimit());
            }
            case "verification-code GET" -> verificationCode(query);
            case "status-progression GET" -> new Answer(200, statusProgression());
            case "status-progression PUT" -> {
                switchStatusProgression(body(exchange));
                yield new Answer(200, statusProgression());
            }
            default -> RESOURCES.contains(resource)
                    ? Answer.message(405, method + " is not allowed on " + PREFIX + resource)
                    : Answer.message(404, "no such sandbox resource: " + PREFIX + resource
                            + "; known: " + String.join(", ", RESOURCES));
        };
    }

    private List<Map<String, Object>> put(JsonNode body) {
        JsonNode path = body.get("path");
        JsonNode records = body.get("records");
        if (path == null || !path.isTextual() || records == null || !(records.isArray() || records.isObject())) {
            throw new IllegalArgumentException(
                    "records need {\"path\": \"<collection path>\", \"records\": [{...}, ...] or {...}}");
        }
        List<Map<String, Object>> stored = new ArrayList<>();
        for (JsonNode record : records.isArray() ? records : List.of(records)) {
            if (!record.isObject()) {
                throw new IllegalArgumentException("each record must be a JSON object, got: " + record);
            }
            stored.add(sandbox.put(path.asText(), MAPPER.convertValue(record, new TypeReference<Map<String, Object>>() { })));
        }
        return stored;
    }

    private Map<String, Object> requests(Params query) {
        String after = query.first("after");
        long cursor;
        try {
            cursor = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after must be a cursor a previous answer gave, got '" + after + "'");
        }
        RequestLog.Tail tail = requestLog.after(cursor);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("cursor", tail.cursor());
        answer.put("requests", tail.requests().stream().map(AdminApi::json).toList());
        return answer;
    }

    private static Map<String, Object> json(RecordedRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", request.method());
        json.put("path", request.path());
        json.put("rawQuery", request.rawQuery());
        json.put("queryParams", request.queryParams());
        json.put("formParams", request.formParams());
        json.put("authUser", request.authUser());
        json.put("status", request.status());
        json.put("received", request.received().toString());
        json.put("receivedNanos", request.receivedNanos());
        json.put("fault", request.fault() == null ? null : request.fault().name());
        return json;
    }

    private Answer verificationCode(Params query) {
        String serviceSid = required(query, "serviceSid");
        String to = required(query, "to");
        try {
            return new Answer(200, Map.of("serviceSid", serviceSid, "to", to,
                    "code", sandbox.verificationCode(serviceSid, to)));
        } catch (IllegalArgumentException none) {
            return Answer.message(404, none.getMessage());
        }
    }

    private Map<String, Object> accountLimit() {
        AccountLimit limit = sandbox.accountLimit();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestsPerSecond", limit.perSecond());
        json.put("retryAfterSeconds", limit.retryAfter().map(Duration::toSeconds).orElse(null));
        return json;
    }

    private void switchAccountLimit(JsonNode body) {
        if (body.isObject()) {
            body.fieldNames().forEachRemaining(field -> {
                if (!LIMIT_FIELDS.contains(field)) {
                    throw new IllegalArgumentException("unknown account-limit field '" + field + "'; known: "
                            + "requestsPerSecond, retryAfterSeconds");
                }
            });
            JsonNode retryAfter = body.path("retryAfterSeconds");
            sandbox.accountLimit().set(wholeNumber(body.path("requestsPerSecond"), "requestsPerSecond"),
                    retryAfter.isMissingNode() || retryAfter.isNull()
                            ? null : Duration.ofSeconds(wholeNumber(retryAfter, "retryAfterSeconds")));
        } else {
            sandbox.accountLimit().perSecond(wholeNumber(body, "the account limit"));
        }
    }

    private Map<String, Object> statusProgression() {
        return Map.of(STEP_MILLIS, sandbox.statusProgression().step().map(Duration::toMillis).orElse(0L));
    }

    private void switchStatusProgression(JsonNode body) {
        JsonNode step = body;
        if (body.isObject()) {
            body.fieldNames().forEachRemaining(field -> {
                if (!STEP_MILLIS.equals(field)) {
                    throw new IllegalArgumentException("unknown status-progression field '" + field + "'; known: "
                            + STEP_MILLIS);
                }
            });
            step = body.path(STEP_MILLIS);
        }
        int millis = wholeNumber(step, STEP_MILLIS);
        if (millis < 0) {
            throw new IllegalArgumentException(STEP_MILLIS + " must be 0 (off) or more milliseconds, got " + millis);
        }
        if (millis == 0) {
            sandbox.statusProgression().off();
        } else {
            sandbox.statusProgression().every(Duration.ofMillis(millis));
        }
    }

    private static int wholeNumber(JsonNode node, String name) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException(name + " must be a whole number, got: " + node);
        }
        return node.intValue();
    }

    private static String required(Params query, String name) {
        String value = query.first(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("query parameter '" + name + "' is required");
        }
        return value;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        return MAPPER.readTree(exchange.getRequestBody());
    }
}
