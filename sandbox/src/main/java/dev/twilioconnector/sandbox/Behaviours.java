package dev.twilioconnector.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The few resource rules that a table row cannot express: derived message fields, call feedback validation
 * and summaries, sub-account credentials and API Key secrets, the fields a status step sets, and the answer to
 * a caller ID's validation request.
 */
final class Behaviours {

    static final Set<String> FEEDBACK_ISSUES = Set.of("audio-latency", "digits-not-captured", "dropped-call",
            "imperfect-audio", "incorrect-caller-id", "one-way-audio", "post-dial-delay", "unsolicited-call");

    private static final String VALIDATION_REQUESTS = "OutgoingCallerIds";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SMS_SEGMENT = 160;
    private static final int CONCATENATED_SEGMENT = 153;

    private final Store store;
    private final ApiKeys apiKeys;

    Behaviours(Store store, ApiKeys apiKeys) {
        this.store = store;
        this.apiKeys = apiKeys;
    }

    /** Applies to every new record, whether created over HTTP or seeded through the Java API. */
    void onInsert(ResourceType type, String account, Map<String, Object> record) {
        if (type.isAccounts()) {
            if (record.get("auth_token") == null) {
                record.put("auth_token", Ids.hex32());
            }
            if (record.get("owner_account_sid") == null) {
                record.put("owner_account_sid", account);
            }
        }
    }

    /** Applies to a record created by a POST, after the form's fields were copied in. */
    void onCreate(ResourceType type, String account, Map<String, Object> record, Params form) {
        switch (type.name()) {
            case "Messages" -> {
                record.put("num_media", String.valueOf(form.all("MediaUrl").size()));
                record.put("num_segments", String.valueOf(segments(String.valueOf(record.get("body")))));
            }
            case "Feedback" -> validateFeedback(record, form);
            case "FeedbackSummary" -> summarise(account, record, form);
            case "Keys" -> apiKeys.register((String) record.get("sid"), account, Ids.hex32());
            case "Accounts" -> {
                record.put("owner_account_sid", account);
                if (record.get("friendly_name") == null) {
                    record.put("friendly_name", "SubAccount Created at " + WireFormat.RFC_2822.format(Instant.now()));
                }
            }
            default -> {
                // every other resource is fully described by its table row
            }
        }
    }

    /**
     * The body answering a create; only a new API Key shows its secret, and only this once. A POST to
     * OutgoingCallerIds is Twilio's validation request, answered with the request's fields (the code to key in
     * and the SID of the call that asks for it), not with the caller ID record, which Twilio makes only once the
     * call validated the number.
     */
    Map<String, Object> createResponse(ResourceType type, Map<String, Object> record) {
        if (VALIDATION_REQUESTS.equals(type.name())) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("account_sid", record.get("account_sid"));
            request.put("call_sid", Ids.sid("CA"));
            request.put("friendly_name", record.get("friendly_name"));
            request.put("phone_number", record.get("phone_number"));
            request.put("validation_code", String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000)));
            return request;
        }
        Map<String, Object> response = new LinkedHashMap<>(record);
        if ("Keys".equals(type.name())) {
            response.put("secret", apiKeys.secretOf((String) record.get("sid")));
        }
        return response;
    }

    /** The status a create answers with: 200 for a validation request, as Twilio's description has it, else 201. */
    int createStatus(ResourceType type) {
        return VALIDATION_REQUESTS.equals(type.name()) ? 200 : 201;
    }

    /**
     * Sets what a status step makes true beside the status itself: a message sent has its {@code date_sent}; a call
     * answered its {@code start_time}; a call completed its {@code end_time} and {@code duration} in whole seconds.
     */
    void onStatus(ResourceType type, Map<String, Object> record, Instant now) {
        switch (type.name() + " " + record.get("status")) {
            case "Messages sent" -> record.put("date_sent", now);
            case "Calls in-progress" -> record.put("start_time", now);
            case "Calls completed" -> {
                record.put("end_time", now);
                Instant start = record.get("start_time") instanceof Instant started ? started : now;
                record.put("duration", String.valueOf(Duration.between(start, now).toSeconds()));
            }
            default -> {
                // the other steps change the status alone
            }
        }
    }

    private static int segments(String body) {
        if (body.length() <= SMS_SEGMENT) {
            return 1;
        }
        return (body.length() + CONCATENATED_SEGMENT - 1) / CONCATENATED_SEGMENT;
    }

    private static void validateFeedback(Map<String, Object> record, Params form) {
        String score = form.first("QualityScore");
        int quality;
        try {
            quality = Integer.parseInt(score);
        } catch (NumberFormatException e) {
            quality = 0;
        }
        if (quality < 1 || quality > 5) {
            throw TwilioError.invalidParameter("QualityScore must be an integer from 1 to 5, not '" + score + "'");
        }
        for (String issue : form.all("Issue")) {
            if (!FEEDBACK_ISSUES.contains(issue)) {
                throw TwilioError.invalidParameter("Issue '" + issue + "' is not one of "
                        + String.join(", ", new TreeSet<>(FEEDBACK_ISSUES)));
            }
        }
        record.put("quality_score", quality);
    }

    /**
     * Twilio computes a summary asynchronously; the sandbox computes it at once from the calls and feedback it
     * holds for the account, but answers with status {@code queued} as Twilio's create does.
     */
    private void summarise(String account, Map<String, Object> record, Params form) {
        LocalDate start = day(form, "StartDate");
        LocalDate end = day(form, "EndDate");
        if (end.isBefore(start)) {
            throw TwilioError.invalidParameter("EndDate must not be before StartDate");
        }
        List<Map<String, Object>> feedback = within(store.all(account, "Feedback"), start, end);
        int calls = within(store.all(account, "Calls"), start, end).size();
        List<Double> scores = new ArrayList<>();
        Map<String, Integer> issueCounts = new TreeMap<>();
        for (Map<String, Object> f : feedback) {
            if (f.get("quality_score") instanceof Number score) {
                scores.add(score.doubleValue());
            }
            if (f.get("issues") instanceof List<?> issues) {
                issues.forEach(i -> issueCounts.merge(String.valueOf(i), 1, Integer::sum));
            }
        }
        List<Map<String, Object>> issues = new ArrayList<>();
        issueCounts.forEach((issue, count) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("count", count);
            entry.put("description", issue);
            entry.put("percentage_of_total_calls",
                    calls == 0 ? "0" : String.format(Locale.ROOT, "%.2f", 100.0 * count / calls));
            issues.add(entry);
        });
        record.put("start_date", start.toString());
        record.put("end_date", end.toString());
        record.put("call_count", calls);
        record.put("call_feedback_count", feedback.size());
        record.put("issues", issues);
        record.put("quality_score_average", scores.isEmpty() ? null : mean(scores));
        record.put("quality_score_median", scores.isEmpty() ? null : median(scores));
        record.put("quality_score_standard_deviation", scores.isEmpty() ? null : deviation(scores));
    }

    private static LocalDate day(Params form, String param) {
        String text = form.first(param);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw TwilioError.invalidParameter(param + " must be a date in YYYY-MM-DD form, not '" + text + "'");
        }
    }

    private static List<Map<String, Object>> within(List<Map<String, Object>> records, LocalDate start, LocalDate end) {
        return records.stream().filter(r -> {
            if (!(r.get("date_created") instanceof Instant created)) {
                return false;
            }
            LocalDate day = LocalDate.ofInstant(created, ZoneOffset.UTC);
            return !day.isBefore(start) && !day.isAfter(end);
        }).toList();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double deviation(List<Double> values) {
        double mean = mean(values);
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElseThrow());
    }
}
