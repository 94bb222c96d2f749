package dev.twilioconnector.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio Verify v2, served under {@link #PREFIX} on the sandbox's own host, written from Twilio's documentation:
 * Services (create, fetch, list), Verifications (create, fetch, update to {@code canceled} or {@code approved}) and
 * the VerificationCheck. A verification is {@code pending} with a code the sandbox logs and hands to tests
 * ({@link #code}); a check with that code makes it {@code approved}, a wrong one leaves it {@code pending}, and the
 * fifth wrong one {@code canceled}. A check of a verification that is no longer pending, or of a number with none,
 * is Twilio's 404 with code 20404, as Twilio answers once it has deleted the verification. Records carry ISO-8601
 * dates and Twilio's own {@code url}s, and lists page with {@code meta}, as Verify's do.
 */
final class VerifyService {

    static final String PREFIX = "/verify";

    private static final Logger LOG = LoggerFactory.getLogger(VerifyService.class);
    private static final String ORIGIN = "https://verify.twilio.com";
    private static final String SERVICES = "/v2/Services";
    private static final int MAX_WRONG_CHECKS = 5;
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;
    private static final Set<String> CHANNELS = Set.of("sms", "call", "email", "whatsapp", "sna", "auto");
    private static final Set<String> SETTABLE_STATUSES = Set.of("canceled", "approved");
    private static final SecureRandom RANDOM = new SecureRandom();

    record Answer(int status, Object body) {
    }

    private static final class Verification {
        final Map<String, Object> record;
        final String code;
        int wrongChecks;

        Verification(Map<String, Object> record, String code) {
            this.record = record;
            this.code = code;
        }

        boolean pending() {
            return "pending".equals(record.get("status"));
        }
    }

    /** Services in creation order, by SID. */
    private final Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    /** Verifications in creation order, by SID. */
    private final Map<String, Verification> verifications = new LinkedHashMap<>();

    static boolean serves(String path) {
        return path.startsWith(PREFIX + "/");
    }

    synchronized Answer handle(String method, String fullPath, Params query, Params form, String account) {
        String path = fullPath.substring(PREFIX.length());
        if (!path.startsWith(SERVICES)) {
            throw TwilioError.notFound(fullPath);
        }
        String[] segments = path.substring(SERVICES.length()).split("/", -1);
        // segments: [""] for the list, ["", sid], ["", sid, "Verifications"], ["", sid, "Verifications", sid],
        // ["", sid, "VerificationCheck"]
        if (segments.length == 1 && segments[0].isEmpty()) {
            return switch (method) {
                case "GET" -> new Answer(200, listServices(account, query));
                case "POST" -> new Answer(201, createService(account, form));
                default -> throw methodNotAllowed();
            };
        }
        if (!segments[0].isEmpty()) {
            throw TwilioError.notFound(fullPath);
        }
        Map<String, Object> service = Optional.ofNullable(services.get(segments[1]))
                .filter(s -> account.equals(s.get("account_sid")))
                .orElseThrow(() -> TwilioError.notFound(fullPath));
        if (segments.length == 2) {
            if (!"GET".equals(method)) {
                throw methodNotAllowed();
            }
            return new Answer(200, service);
        }
        String serviceSid = segments[1];
        String key = method + " " + String.join("/", List.of(segments).subList(2, segments.length)
                .stream().map(s -> s.startsWith("VE") ? "{Sid}" : s).toList());
        return switch (key) {
            case "POST Verifications" -> new Answer(201, createVerification(service, form));
            case "GET Verifications/{Sid}" -> new Answer(200, verification(serviceSid, segments[3], fullPath).record);
            case "POST Verifications/{Sid}" -> new Answer(200, updateVerification(serviceSid, segments[3], form, fullPath));
            case "POST VerificationCheck" -> new Answer(200, check(serviceSid, form, fullPath));
            default -> throw TwilioError.notFound(fullPath);
        };
    }

    /** The code of the newest pending verification of {@code to} in service {@code serviceSid}. */
    synchronized Optional<String> code(String serviceSid, String to) {
        return pendingFor(serviceSid, to).map(v -> v.code);
    }

    synchronized void clear() {
        services.clear();
        verifications.clear();
    }

    private Map<String, Object> createService(String account, Params form) {
        String friendlyName = required(form, "FriendlyName");
        int codeLength = form.hasValue("CodeLength") ? codeLength(form.first("CodeLength")) : 6;
        String sid = Ids.sid("VA");
        String now = now();
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("sid", sid);
        service.put("account_sid", account);
        service.put("friendly_name", friendlyName);
        service.put("code_length", codeLength);
        service.put("lookup_enabled", false);
        service.put("psd2_enabled", false);
        service.put("skip_sms_to_landlines", false);
        service.put("dtmf_input_required", false);
        service.put("tts_name", null);
        service.put("do_not_share_warning_enabled", false);
        service.put("custom_code_enabled", false);
        service.put("date_created", now);
        service.put("date_updated", now);
        service.put("url", ORIGIN + SERVICES + "/" + sid);
        service.put("links", Map.of("verifications", ORIGIN + SERVICES + "/" + sid + "/Verifications",
                "verification_checks", ORIGIN + SERVICES + "/" + sid + "/VerificationCheck"));
        services.put(sid, service);
        return service;
    }

    private Map<String, Object> listServices(String account, Params query) {
        int pageSize = Params.whole(query.first("PageSize"), DEFAULT_PAGE_SIZE, "PageSize", 1, MAX_PAGE_SIZE,
                VerifyService::invalidParameter);
        int page = Params.whole(query.first("Page"), 0, "Page", 0, Integer.MAX_VALUE, VerifyService::invalidParameter);
        List<Map<String, Object>> all = new ArrayList<>(services.values().stream()
                .filter(s -> account.equals(s.get("account_sid"))).toList());
        // newest first, as Twilio lists
        Collections.reverse(all);
        int from = (int) Math.min(all.size(), (long) page * pageSize);
        int to = Math.min(all.size(), from + pageSize);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page);
        meta.put("page_size", pageSize);
        meta.put("first_page_url", pageUrl(pageSize, 0));
        meta.put("previous_page_url", page == 0 ? null : pageUrl(pageSize, page - 1));
        meta.put("next_page_url", to < all.size() ? pageUrl(pageSize, page + 1) : null);
        meta.put("key", "services");
        meta.put("url", pageUrl(pageSize, page));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("meta", meta);
        answer.put("services", all.subList(from, to));
        return answer;
    }

    private static String pageUrl(int pageSize, int page) {
        return ORIGIN + SERVICES + "?PageSize=" + pageSize + "&Page=" + page;
    }

    private Map<String, Object> createVerification(Map<String, Object> service, Params form) {
        String to = required(form, "To");
        String channel = required(form, "Channel");
        if (!CHANNELS.contains(channel)) {
            throw invalidParameter("Channel must be one of " + String.join(", ", CHANNELS.stream().sorted().toList())
                    + ", got '" + channel + "'");
        }
        String serviceSid = (String) service.get("sid");
        // a new verification of the same number replaces the pending one, as Twilio resends rather than stacks
        pendingFor(serviceSid, to).ifPresent(v -> v.record.put("status", "canceled"));
        String code = code((Integer) service.get("code_length"));
        String sid = Ids.sid("VE");
        String now = now();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sid", sid);
        record.put("service_sid", serviceSid);
        record.put("account_sid", service.get("account_sid"));
        record.put("to", to);
        record.put("channel", channel);
        record.put("status", "pending");
        record.put("valid", false);
        record.put("lookup", Map.of());
        record.put("amount", null);
        record.put("payee", null);
        record.put("send_code_attempts", List.of(Map.of("time", now, "channel", channel, "attempt_sid", Ids.sid("VL"))));
        record.put("date_created", now);
        record.put("date_updated", now);
        record.put("sna", null);
        record.put("url", ORIGIN + SERVICES + "/" + serviceSid + "/Verifications/" + sid);
        verifications.put(sid, new Verification(record, code));
        LOG.info("Verify code {} sent by {} to {} (service {}, verification {})", code, channel, to, serviceSid, sid);
        return record;
    }

    private Verification verification(String serviceSid, String sid, String path) {
        return Optional.ofNullable(verifications.get(sid))
                .filter(v -> serviceSid.equals(v.record.get("service_sid")))
                .orElseThrow(() -> TwilioError.notFound(path));
    }

    private Map<String, Object> updateVerification(String serviceSid, String sid, Params form, String path) {
        Verification verification = verification(serviceSid, sid, path);
        String status = required(form, "Status");
        if (!SETTABLE_STATUSES.contains(status)) {
            throw invalidParameter("Status must be canceled or approved, got '" + status + "'");
        }
        if (!verification.pending()) {
            throw TwilioError.notFound(path);
        }
        verification.record.put("status", status);
        verification.record.put("valid", "approved".equals(status));
        verification.record.put("date_updated", now());
        return verification.record;
    }

    private Map<String, Object> check(String serviceSid, Params form, String path) {
        String code = required(form, "Code");
        Verification verification;
        if (form.hasValue("VerificationSid")) {
            verification = Optional.ofNullable(verifications.get(form.first("VerificationSid")))
                    .filter(v -> serviceSid.equals(v.record.get("service_sid")))
                    .filter(Verification::pending)
                    .orElseThrow(() -> TwilioError.notFound(path));
        } else if (form.hasValue("To")) {
            verification = pendingFor(serviceSid, form.first("To")).orElseThrow(() -> TwilioError.notFound(path));
        } else {
            throw invalidParameter("Either a 'To' number or 'VerificationSid' must be specified");
        }
        Map<String, Object> record = verification.record;
        if (verification.code.equals(code)) {
            record.put("status", "approved");
            record.put("valid", true);
        } else if (++verification.wrongChecks >= MAX_WRONG_CHECKS) {
            record.put("status", "canceled");
        }
        record.put("date_updated", now());
        Map<String, Object> answer = new LinkedHashMap<>();
        for (String field : List.of("sid", "service_sid", "account_sid", "to", "channel", "status", "valid",
                "amount", "payee", "date_created", "date_updated")) {
            answer.put(field, record.get(field));
        }
        answer.put("sna_attempts_error_codes", List.of());
        return answer;
    }

    private Optional<Verification> pendingFor(String serviceSid, String to) {
        Verification newest = null;
        for (Verification v : verifications.values()) {
            if (v.pending() && serviceSid.equals(v.record.get("service_sid")) && to.equals(v.record.get("to"))) {
                newest = v;
            }
        }
        return Optional.ofNullable(newest);
    }

    private static String code(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    private static int codeLength(String text) {
        return Params.whole(text, 6, "CodeLength", 4, 10, VerifyService::invalidParameter);
    }


    private static String required(Params form, String name) {
        if (!form.hasValue(name)) {
            throw invalidParameter("Missing required parameter " + name + " in the post body");
        }
        return form.first(name);
    }

    /** Twilio Verify's code for a missing or unusable parameter. */
    private static TwilioError invalidParameter(String message) {
        return TwilioError.badRequest(60200, "Invalid parameter: " + message);
    }

    private static TwilioError methodNotAllowed() {
        return new TwilioError(405, 20004, "Method not allowed");
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
