package dev.twilioconnector.action;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.client.TwilioDownload;
import dev.twilioconnector.operation.DownloadRunner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a download action reads: the content of one record of {@code entity}, addressed by inputs, as a stream.
 *
 * @param entity      the entity whose record's content is read (Recordings, Media)
 * @param pathInputs  per field of the entity's Get path (its id, its parent keys), the input that gives it
 * @param formatInput the input whose value is the file's extension ({@code wav}, {@code mp3}), or null when the
 *                    content has one form only
 */
public record ContentDownload(Entity entity, Map<String, String> pathInputs, String formatInput) {

    public ContentDownload {
        pathInputs = Map.copyOf(pathInputs);
    }

    /** Opens the content the inputs address; the caller closes it. */
    public TwilioDownload open(DownloadRunner downloads, Map<String, Object> inputs) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        pathInputs.forEach((field, input) -> pathValues.put(field, String.valueOf(inputs.get(input))));
        return downloads.open(entity, pathValues, formatInput == null ? "" : "." + inputs.get(formatInput));
    }

    /** The SID of the record whose content it is. */
    public Object sid(Map<String, Object> inputs) {
        return inputs.get(pathInputs.get(entity.idField()));
    }
}
