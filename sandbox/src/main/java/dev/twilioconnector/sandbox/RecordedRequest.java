package dev.twilioconnector.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received, as tests want to assert on it.
 *
 * @param method      HTTP method
 * @param path        decoded request path, e.g. {@code /2010-04-01/Accounts/AC.../Messages.json}
 * @param rawQuery    the query string as sent (still encoded), or {@code null}
 * @param queryParams decoded query parameters, multi-valued, in arrival order
 * @param formParams  decoded form body parameters, multi-valued, in arrival order
 * @param authUser    the Basic-auth user name (Account SID or API Key SID), or {@code null}
 * @param status      the HTTP status answered
 * @param received    when the request arrived: when the server read its first bytes, before a worker took it up
 * @param receivedNanos the same moment on {@link System#nanoTime()}, for the time between two requests, which the
 *                    wall clock may stretch or shrink while it is adjusted
 * @param fault       the fault the request was failed with, or {@code null} when it was answered normally or turned
 *                    away by the {@link AccountLimit} (status 429); a fault that
 *                    {@linkplain Fault#carriesOut() carries out} the request logs the status it would have had
 */
public record RecordedRequest(String method, String path, String rawQuery,
                              Map<String, List<String>> queryParams, Map<String, List<String>> formParams,
                              String authUser, int status, Instant received, long receivedNanos,
                              Fault fault) {
}
