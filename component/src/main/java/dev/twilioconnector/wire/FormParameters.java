package dev.twilioconnector.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Parameters in the order they are sent, a name repeated once per value as Twilio expects for lists. */
public final class FormParameters {

    private final List<Map.Entry<String, String>> entries = new ArrayList<>();

    public FormParameters add(String name, String value) {
        entries.add(Map.entry(name, value));
        return this;
    }

    public List<Map.Entry<String, String>> entries() {
        return Collections.unmodifiableList(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
