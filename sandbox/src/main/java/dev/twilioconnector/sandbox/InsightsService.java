package dev.twilioconnector.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio Voice Insights v1, served under {@link #PREFIX} on the sandbox's own host, for the calls of the sandbox's
 * 2010 API, written from Twilio's documentation: a call's Summary, the account's CallSummaries with their filters,
 * and a call's Events and Metrics. A summary is derived from the call as it is now: its state from the call's
 * status, {@code processing_state} {@code complete} once the call has ended ({@code partial} before), its durations
 * from its times, and the media quality of its edge ({@code carrier_edge} for a call to a number) from
 * {@link CallQuality}, with Twilio's {@code high_jitter}, {@code high_packet_loss} and {@code low_mos} tags. A call
 * the account does not have is 404 with code 20404.
 */
final class InsightsService {

    static final String PREFIX = "/insights";

    private static final String ORIGIN = "https://insights.twilio.com";
    private static final String VOICE = "/v1/Voice/";
    private static final int MAX_PAGE_SIZE = 1000;
    private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");
    private static final Pattern RELATIVE = Pattern.compile("(\\d+)([mhdw])");
    private static final Duration DEFAULT_START = Duration.ofHours(4);
    private static final Set<String> ENDED = Set.of("completed", "busy", "failed", "no-answer", "canceled");
    private static final Map<String, String> CALL_STATES = Map.of("queued", "ringing", "ringing", "ringing",
            "in-progress", "answered", "completed", "completed", "busy", "busy", "failed", "fail",
            "no-answer", "noanswer", "canceled", "canceled");
    private static final List<String> CALL_STATE_VALUES = List.of("ringing", "completed", "busy", "fail", "noanswer",
            "canceled", "answered", "undialed");
    private static final List<String> CALL_TYPES = List.of("carrier", "sip", "trunking", "client", "whatsapp");
    private static final List<String> DIRECTIONS = List.of("outbound_api", "outbound_dial", "inbound",
            "trunking_originating", "trunking_terminating");
    private static final List<String> PROCESSING_STATES = List.of("completed", "started", "partial", "all");
    private static final List<String> SORTS = List.of("start_time", "end_time");
    private static final List<String> EDGES = List.of("unknown_edge", "carrier_edge", "sip_edge", "sdk_edge",
            "client_edge");
    private static final List<String> STREAM_DIRECTIONS = List.of("unknown", "inbound", "outbound", "both");
    private static final int METRIC_INTERVAL_SECONDS = 10;

    record Answer(int status, Object body) {
    }

    private final Store store;

    InsightsService(Store store) {
        this.store = store;
    }

    static boolean serves(String path) {
        return path.startsWith(PREFIX + "/");
    }

    Answer handle(String method, String fullPath, Params query, String account) {
        String path = fullPath.substring(PREFIX.length());
        if (!path.startsWith(VOICE)) {
            throw TwilioError.notFound(fullPath);
        }
        List<String> segments = List.of(path.substring(VOICE.length()).split("/", -1));
        if (!"GET".equals(method)) {
            throw new TwilioError(405, 20004, "Method not allowed");
        }
        if (segments.equals(List.of("Summaries"))) {
            return new Answer(200, listSummaries(account, query));
        }
        if (segments.size() != 2 || !CALL_SID.matcher(segments.get(0)).matches()) {
            throw TwilioError.notFound(fullPath);
        }
        Map<String, Object> call = store.get(account, "Calls", segments.get(0))
                .orElseThrow(() -> TwilioError.notFound(fullPath));
        return switch (segments.get(1)) {
            case "Summary" -> new Answer(200, fetchSummary(call, query, fullPath));
            case "Events" -> new Answer(200, listEvents(call, query));
            case "Metrics" -> new Answer(200, listMetrics(call, query));
            default -> throw TwilioError.notFound(fullPath);
        };
    }

    private Map<String, Object> fetchSummary(Map<String, Object> call, Params query, String path) {
        String asked = query.hasValue("ProcessingState")
                ? oneOf(query.first("ProcessingState"), "ProcessingState", List.of("complete", "partial")) : "complete";
        Map<String, Object> summary = summary(call);
        // a summary still being put together is answered only to whoever asks for a partial one
        if ("complete".equals(asked) && "partial".equals(summary.get("processing_state"))) {
            throw TwilioError.notFound(path);
        }
        return summary;
    }

    private Map<String, Object> listSummaries(String account, Params query) {
        Map<String, String> filters = new LinkedHashMap<>();
        Predicate<Map<String, Object>> matches = s -> true;
        for (String name : List.of("From", "To")) {
            if (query.hasValue(name)) {
                String party = query.first(name);
                String key = name.equals("From") ? "caller" : "callee";
                filters.put(name, party);
                matches = matches.and(s -> s.get(name.toLowerCase()) instanceof Map<?, ?> p && party.equals(p.get(key)));
            }
        }
        matches = matches.and(anyOf(query, "CallState", "call_state", CALL_STATE_VALUES, filters))
                .and(anyOf(query, "CallType", "call_type", CALL_TYPES, filters))
                .and(anyOf(query, "Direction", "properties.direction", DIRECTIONS, filters));
        String processing = query.hasValue("ProcessingState")
                ? oneOf(query.first("ProcessingState"), "ProcessingState", PROCESSING_STATES) : "completed";
        if (query.hasValue("ProcessingState")) {
            filters.put("ProcessingState", processing);
        }
        matches = matches.and(s -> switch (processing) {
            case "completed" -> "complete".equals(s.get("processing_state"));
            case "all" -> true;
            default -> "partial".equals(s.get("processing_state"));
        });
        Instant now = Instant.now();
        Instant start = time(query, "StartTime", now, now.minus(DEFAULT_START), filters);
        Instant end = time(query, "EndTime", now, now, filters);
        matches = matches.and(s -> {
            Instant created = Instant.parse((String) s.get("created_time"));
            return !created.isBefore(start) && !created.isAfter(end);
        });
        String sortBy = query.hasValue("SortBy") ? oneOf(query.first("SortBy"), "SortBy", SORTS) : "start_time";
        if (query.hasValue("SortBy")) {
            filters.put("SortBy", sortBy);
        }
        List<Map<String, Object>> summaries = new ArrayList<>(store.all(account, "Calls").stream()
                .map(InsightsService::summary).filter(matches).toList());
        // newest first by the time asked for; a call that never started or ended counts from its creation
        summaries.sort(Comparator.<Map<String, Object>, String>comparing(s -> sortTime(s, sortBy))
                .thenComparing(s -> (String) s.get("call_sid")).reversed());
        return new MetaPage(ORIGIN + VOICE + "Summaries", "call_summaries", MAX_PAGE_SIZE).answer(summaries, query, filters);
    }

    private Map<String, Object> listEvents(Map<String, Object> call, Params query) {
        String sid = (String) call.get("sid");
        String edge = edge(call);
        Map<String, String> filters = new LinkedHashMap<>();
        Predicate<Map<String, Object>> matches = anyOf(query, "Edge", "edge", EDGES, filters);
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(event(call, edge, instant(call.get("date_created")), "initiated"));
        Instant started = instant(call.get("start_time"));
        if (started != null) {
            events.add(event(call, edge, started, "answered"));
        }
        String status = (String) call.get("status");
        if (ENDED.contains(status)) {
            Instant ended = instant(call.get("end_time"));
            events.add(event(call, edge, ended != null ? ended : instant(call.get("date_updated")), status));
        }
        return new MetaPage(ORIGIN + VOICE + sid + "/Events", "events", MAX_PAGE_SIZE)
                .answer(events.stream().filter(matches).toList(), query, filters);
    }

    private static Map<String, Object> event(Map<String, Object> call, String edge, Instant at, String name) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("timestamp", iso(at));
        event.put("call_sid", call.get("sid"));
        event.put("account_sid", call.get("account_sid"));
        event.put("edge", edge);
        event.put("group", "call_state");
        event.put("level", "INFO");
        event.put("name", name);
        for (String each : List.of("carrier_edge", "sip_edge", "sdk_edge", "client_edge")) {
            event.put(each, each.equals(edge) ? Map.of("metadata", Map.of("direction", direction(call))) : null);
        }
        return event;
    }

    private Map<String, Object> listMetrics(Map<String, Object> call, Params query) {
        String sid = (String) call.get("sid");
        String edge = edge(call);
        Map<String, String> filters = new LinkedHashMap<>();
        Predicate<Map<String, Object>> matches = anyOf(query, "Edge", "edge", EDGES, filters)
                .and(anyOf(query, "Direction", "direction", STREAM_DIRECTIONS, filters));
        List<Map<String, Object>> metrics = new ArrayList<>();
        long seconds = connectSeconds(call);
        Instant started = instant(call.get("start_time"));
        CallQuality inbound = CallQuality.of(sid, 0);
        CallQuality outbound = CallQuality.of(sid, 1);
        for (long at = 0; at < seconds; at += METRIC_INTERVAL_SECONDS) {
            long interval = Math.min(METRIC_INTERVAL_SECONDS, seconds - at);
            for (String direction : List.of("inbound", "outbound")) {
                CallQuality quality = direction.equals("inbound") ? inbound : outbound;
                Map<String, Object> sample = new LinkedHashMap<>();
                sample.put("timestamp", iso(started.plusSeconds(at + interval)));
                sample.put("call_sid", sid);
                sample.put("account_sid", call.get("account_sid"));
                sample.put("edge", edge);
                sample.put("direction", direction);
                for (String each : List.of("carrier_edge", "sip_edge", "sdk_edge", "client_edge")) {
                    sample.put(each, each.equals(edge) ? Map.of("interval", quality.metrics(interval),
                            "cumulative", quality.metrics(at + interval)) : null);
                }
                metrics.add(sample);
            }
        }
        return new MetaPage(ORIGIN + VOICE + sid + "/Metrics", "metrics", MAX_PAGE_SIZE)
                .answer(metrics.stream().filter(matches).toList(), query, filters);
    }

    /** The summary of a 2010 call as Voice Insights gives it. */
    private static Map<String, Object> summary(Map<String, Object> call) {
        String sid = (String) call.get("sid");
        String status = String.valueOf(call.get("status"));
        String type = callType(call);
        String edge = edge(call);
        Instant created = instant(call.get("date_created"));
        Instant started = instant(call.get("start_time"));
        Instant ended = instant(call.get("end_time"));
        long connect = connectSeconds(call);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("account_sid", call.get("account_sid"));
        summary.put("call_sid", sid);
        summary.put("call_type", type);
        summary.put("call_state", CALL_STATES.getOrDefault(status, "undialed"));
        summary.put("answered_by", call.get("answered_by") == null ? "unknown" : call.get("answered_by"));
        summary.put("processing_state", ENDED.contains(status) ? "complete" : "partial");
        summary.put("created_time", iso(created));
        summary.put("start_time", iso(started));
        summary.put("end_time", iso(ended));
        summary.put("duration", ended == null ? null : Duration.between(created, ended).toSeconds());
        summary.put("connect_duration", ended == null || started == null ? null : connect);
        summary.put("from", party("caller", call.get("from"), type));
        summary.put("to", party("callee", call.get("to"), type));
        List<String> tags = new ArrayList<>();
        for (String each : List.of("carrier_edge", "client_edge", "sdk_edge", "sip_edge")) {
            summary.put(each, each.equals(edge) ? edge(call, connect, tags) : null);
        }
        summary.put("tags", tags);
        summary.put("attributes", Map.of("conference_participant", false));
        summary.put("properties", Map.of("direction", direction(call), "queue_time", 0));
        summary.put("trust", null);
        summary.put("annotation", null);
        summary.put("url", ORIGIN + VOICE + sid + "/Summary");
        return summary;
    }

    private static Map<String, Object> edge(Map<String, Object> call, long connectSeconds, List<String> tags) {
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("properties", Map.of("direction", direction(call).startsWith("inbound") ? "inbound" : "outbound",
                "media_region", "us1", "signaling_region", "us1", "edge_location", "ashburn"));
        if (connectSeconds > 0) {
            String sid = (String) call.get("sid");
            CallQuality inbound = CallQuality.of(sid, 0);
            CallQuality outbound = CallQuality.of(sid, 1);
            edge.put("metrics", Map.of("inbound", inbound.metrics(connectSeconds),
                    "outbound", outbound.metrics(connectSeconds)));
            if (inbound.highJitter() || outbound.highJitter()) {
                tags.add("high_jitter");
            }
            if (inbound.highPacketLoss() || outbound.highPacketLoss()) {
                tags.add("high_packet_loss");
            }
            if (inbound.lowMos() || outbound.lowMos()) {
                tags.add("low_mos");
            }
        }
        return edge;
    }

    private static Map<String, Object> party(String role, Object number, String type) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put(role, number);
        party.put("connection", switch (type) {
            case "client" -> "twilio_sdk";
            case "sip" -> "sip";
            default -> "landline";
        });
        party.put("country_code", number instanceof String text && text.startsWith("+1") ? "US" : null);
        return party;
    }

    private static String callType(Map<String, Object> call) {
        String parties = call.get("from") + " " + call.get("to");
        return parties.contains("client:") ? "client" : parties.contains("sip:") ? "sip" : "carrier";
    }

    private static String edge(Map<String, Object> call) {
        return callType(call) + "_edge";
    }

    /** Insights' spelling of the call's direction: {@code outbound_api} for the 2010 API's {@code outbound-api}. */
    private static String direction(Map<String, Object> call) {
        return String.valueOf(call.getOrDefault("direction", "outbound-api")).replace('-', '_');
    }

    /** Seconds from answer to hang-up: the call's {@code duration}, else its times; 0 for a call never connected. */
    private static long connectSeconds(Map<String, Object> call) {
        Instant started = instant(call.get("start_time"));
        Instant ended = instant(call.get("end_time"));
        if (started == null || ended == null) {
            return 0;
        }
        Object duration = call.get("duration");
        try {
            return duration == null ? Duration.between(started, ended).toSeconds() : Long.parseLong(duration.toString());
        } catch (NumberFormatException notSeconds) {
            return Duration.between(started, ended).toSeconds();
        }
    }

    private static String sortTime(Map<String, Object> summary, String sortBy) {
        Object time = summary.get(sortBy);
        return (String) (time != null ? time : summary.get("created_time"));
    }

    /**
     * A filter that keeps the records whose {@code field} (a dotted path) is one of the comma-separated values of
     * parameter {@code name}, each checked against {@code allowed}; every record when the parameter is absent.
     */
    private static Predicate<Map<String, Object>> anyOf(Params query, String name, String field, List<String> allowed,
                                                        Map<String, String> filters) {
        if (!query.hasValue(name)) {
            return record -> true;
        }
        String given = query.first(name);
        List<String> values = Arrays.stream(given.split(",")).map(String::trim)
                .map(value -> oneOf(value, name, allowed)).toList();
        filters.put(name, given);
        return record -> values.contains(String.valueOf(valueAt(record, field)));
    }

    private static Object valueAt(Map<String, Object> record, String path) {
        Object value = record;
        for (String key : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value;
    }

    /**
     * A bound given as Twilio documents it, {@code 30m}, {@code 4h}, {@code 3d}, {@code 1w} back from now or ISO-8601,
     * or a day, {@code 2026-06-01}, taken as its start in UTC.
     */
    private static Instant time(Params query, String name, Instant now, Instant absent, Map<String, String> filters) {
        if (!query.hasValue(name)) {
            return absent;
        }
        String text = query.first(name);
        filters.put(name, text);
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            return switch (relative.group(2)) {
                case "m" -> now.minus(amount, ChronoUnit.MINUTES);
                case "h" -> now.minus(amount, ChronoUnit.HOURS);
                case "d" -> now.minus(amount, ChronoUnit.DAYS);
                default -> now.minus(amount * 7, ChronoUnit.DAYS);
            };
        }
        try {
            return WireFormat.parseInstant(text);
        } catch (DateTimeParseException e) {
            throw TwilioError.invalidParameter(name + " must be xm, xh, xd, xw (minutes, hours, days, weeks back from "
                    + "now), an ISO-8601 date and time or a day (YYYY-MM-DD, its start in UTC), got '" + text + "'");
        }
    }

    private static String oneOf(String value, String name, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw TwilioError.invalidParameter(name + " must be one of " + String.join(", ", allowed)
                    + ", got '" + value + "'");
        }
        return value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        return value instanceof String text && !text.isEmpty() ? WireFormat.parseInstant(text) : null;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
