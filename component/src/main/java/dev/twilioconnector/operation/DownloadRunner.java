package dev.twilioconnector.operation;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.client.TwilioDownload;
import dev.twilioconnector.client.TwilioRequest;

import java.util.Map;
import java.util.function.Function;

/**
 * Opens the content of a record as a stream: a recording's audio, a message's media file. Twilio serves it at the
 * record's own path without {@code .json} ({@code .../Recordings/RE....wav}, {@code .../Media/ME...}), so the path
 * is the entity's Get path, its values checked as a Get's are. The request goes through the one {@code open}
 * function the connection gives, behind the same throttle, retries and breaker as every other.
 */
public final class DownloadRunner {

    private static final String JSON = ".json";

    private final RequestPaths paths;
    private final Function<TwilioRequest, TwilioDownload> open;

    public DownloadRunner(String accountSid, Function<TwilioRequest, TwilioDownload> open) {
        this.paths = new RequestPaths(accountSid);
        this.open = open;
    }

    /**
     * @param pathValues the record's id and parent keys by field name
     * @param extension  what replaces {@code .json}: {@code .wav}, or nothing
     * @return the content, which the caller must close
     */
    public TwilioDownload open(Entity entity, Map<String, String> pathValues, String extension) {
        String purpose = entity.name() + " Download";
        String path = paths.expand(entity, entity.binding(Operation.GET), purpose, pathValues);
        String target = path.substring(0, path.length() - JSON.length()) + extension;
        return open.apply(TwilioRequest.get(target, purpose));
    }
}
