package dev.twilioconnector.sandbox;

import java.util.UUID;

/** Twilio-shaped identifiers: a two-letter prefix and 32 hex digits. */
final class Ids {

    private Ids() {
    }

    static String sid(String prefix) {
        return prefix + hex32();
    }

    static String hex32() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
