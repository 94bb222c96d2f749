package dev.twilioconnector.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API host's side of a download: {@code GET .../Recordings/{Sid}.wav} (or {@code .mp3}) and
 * {@code GET .../Messages/{MessageSid}/Media/{Sid}} (no {@code .json}) find the record as a Get would, and answer
 * with a redirect to a temporary address on the {@link MediaHost}, as Twilio redirects to its storage: 302 for a
 * recording, 307 for a media file. A record that is not there is a 404 with Twilio's error JSON.
 */
final class Downloads {

    private static final Pattern RECORDING = Pattern.compile("^/2010-04-01/Accounts/(AC\\w{32})/Recordings/(RE\\w{32})\\.(wav|mp3)$");
    private static final Pattern MEDIA = Pattern.compile("^/2010-04-01/Accounts/(AC\\w{32})/Messages/(\\w{34})/Media/(ME\\w{32})$");

    private final ResourceTable resources;
    private final Records records;
    private final MediaHost host;

    Downloads(ResourceTable resources, Records records, MediaHost host) {
        this.resources = resources;
        this.records = records;
        this.host = host;
    }

    /** A download's answer: the status and where to. */
    record Redirect(int status, String location) {
    }

    /** Whether {@code path} asks for a download: a recording's audio or a media file's content. */
    static boolean isDownload(String path) {
        return RECORDING.matcher(path).matches() || MEDIA.matcher(path).matches();
    }

    /** The redirect to the content at {@code path}, which {@link #isDownload} accepted, of {@code account}'s record. */
    Redirect redirect(String path, String account) {
        Matcher recording = RECORDING.matcher(path);
        if (recording.matches()) {
            Map<String, Object> record = find(path, account, recording.group(1), List.of("Recordings", recording.group(2)));
            String format = recording.group(3);
            long seconds = seconds(record.get("duration"));
            return new Redirect(302, host.address("recordings", MediaContent.recording(recording.group(2), format, seconds)));
        }
        Matcher media = MEDIA.matcher(path);
        media.matches();
        Map<String, Object> record = find(path, account, media.group(1),
                Arrays.asList("Messages", media.group(2), "Media", media.group(3)));
        return new Redirect(307, host.address("media", MediaContent.media(media.group(3),
                String.valueOf(record.get("content_type")))));
    }

    /** The recording's or media file's content, as the media host serves it. */
    MediaContent content(String collectionPath, String sid, String format, String account) {
        ResolvedPath resolved = resources.resolve(Arrays.asList((collectionPath + "/" + sid).split("/")))
                .orElseThrow(() -> new IllegalArgumentException("no resource at " + collectionPath + "/" + sid));
        Map<String, Object> record = records.find(resolved, account)
                .orElseThrow(() -> new IllegalArgumentException("no record " + sid + " in " + collectionPath));
        return format == null ? MediaContent.media(sid, String.valueOf(record.get("content_type")))
                : MediaContent.recording(sid, format, seconds(record.get("duration")));
    }

    private Map<String, Object> find(String path, String account, String pathAccount, List<String> segments) {
        if (!account.equals(pathAccount)) {
            throw TwilioError.notFound(path);
        }
        Optional<ResolvedPath> resolved = resources.resolve(segments);
        return resolved.flatMap(r -> records.find(r, account)).orElseThrow(() -> TwilioError.notFound(path));
    }

    private static long seconds(Object duration) {
        try {
            return duration == null ? 0 : Long.parseLong(duration.toString());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
