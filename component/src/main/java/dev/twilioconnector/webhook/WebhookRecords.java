package dev.twilioconnector.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.wire.RecordReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a webhook's form parameters into a record with the connector's field names: a request about a message
 * (it names a MessageSid) reads like a Messages record, one about a call (a CallSid and no MessageSid) like a
 * Calls record, so {@code From} becomes {@code Sender}, {@code MessageSid} or {@code CallSid} becomes {@code Sid},
 * {@code MessageStatus} or {@code CallStatus} becomes {@code Status}, and numbers become numbers. Parameters
 * that the entity has no field for keep Twilio's name.
 */
public final class WebhookRecords {

    /** Parameters whose names differ from the entity's own parameter or wire names. */
    private static final Map<String, Map<String, String>> RENAMES = Map.of(
            "Messages", Map.of("MessageSid", "sid", "SmsSid", "sid", "SmsMessageSid", "sid",
                    "MessageStatus", "status", "SmsStatus", "status"),
            "Calls", Map.of("CallSid", "sid", "CallStatus", "status", "CallDuration", "duration"));

    private final ObjectMapper mapper;
    private final RecordReader reader;

    public WebhookRecords(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = new RecordReader(mapper);
    }

    /** The entity the request is about, if any. */
    public Optional<Entity> entityOf(Map<String, List<String>> params) {
        if (params.containsKey("MessageSid") || params.containsKey("SmsSid")) {
            return Optional.of(Catalog.standard().require("Messages"));
        }
        if (params.containsKey("CallSid")) {
            return Optional.of(Catalog.standard().require("Calls"));
        }
        return Optional.empty();
    }

    public Map<String, Object> record(Map<String, List<String>> params) {
        Optional<Entity> entity = entityOf(params);
        if (entity.isEmpty()) {
            Map<String, Object> plain = new LinkedHashMap<>();
            params.forEach((name, values) -> plain.put(name, values.size() == 1 ? values.get(0) : values));
            return plain;
        }
        Map<String, String> renames = RENAMES.get(entity.get().name());
        ObjectNode wire = mapper.createObjectNode();
        params.forEach((name, values) -> {
            String key = renames.containsKey(name) ? renames.get(name)
                    : entity.get().field(name).map(Field::wire).orElse(name);
            if (!wire.has(key)) {
                if (values.size() == 1) {
                    wire.put(key, values.get(0));
                } else {
                    values.forEach(wire.putArray(key)::add);
                }
            }
        });
        return reader.read(entity.get(), wire, Map.of());
    }
}
