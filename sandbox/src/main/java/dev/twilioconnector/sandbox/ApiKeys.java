package dev.twilioconnector.sandbox;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API Key secrets. Twilio shows a key's secret only once, in the answer to its creation, so secrets are kept
 * here rather than in the Keys records that list and get answer with.
 */
final class ApiKeys {

    private record Secret(String account, String secret) {
    }

    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    void register(String keySid, String account, String secret) {
        secrets.put(keySid, new Secret(account, secret));
    }

    String secretOf(String keySid) {
        Secret secret = secrets.get(keySid);
        return secret == null ? null : secret.secret();
    }

    /** The account a key belongs to, when the secret matches. */
    Optional<String> accountFor(String keySid, String secret) {
        Secret known = secrets.get(keySid);
        return known != null && sameText(known.secret(), secret) ? Optional.of(known.account()) : Optional.empty();
    }

    void clear() {
        secrets.clear();
    }

    /** Constant-time comparison, so the sandbox does not teach clients timing-leaky habits by example. */
    static boolean sameText(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
