package dev.twilioconnector.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The media quality the sandbox reports for one stream of a call, derived from the call's SID so that every
 * summary, metric and report of the same call gives the same figures: jitter 1 to 12 ms on average and 2.5 times
 * that at most, packet loss 0 to 3 %, and a MOS that falls from 4.5 as jitter and loss grow, never under 1.
 *
 * @param jitterAvg  average jitter in milliseconds
 * @param jitterMax  largest jitter in milliseconds
 * @param packetLoss packets lost, in percent of those sent
 * @param mos        mean opinion score, 1 to 4.5
 */
record CallQuality(double jitterAvg, double jitterMax, double packetLoss, double mos) {

    /** Packets a second of a 20 ms G.711 stream. */
    static final int PACKETS_PER_SECOND = 50;

    /** Tags Twilio's Voice Insights gives a call whose streams pass these. */
    static final double HIGH_JITTER_MS = 5;
    static final double HIGH_PACKET_LOSS_PERCENT = 1;
    static final double LOW_MOS = 3.5;

    /** The inbound stream's figures ({@code stream} 0) or the outbound one's (1) of the call {@code callSid}. */
    static CallQuality of(String callSid, int stream) {
        int end = callSid.length() - 8 * stream;
        double jitterShare = share(callSid.substring(end - 8, end - 4));
        double lossShare = share(callSid.substring(end - 4, end));
        double jitter = round(1 + 11 * jitterShare);
        double loss = round(3 * lossShare);
        double mos = round(Math.max(1, Math.min(4.5, 4.5 - 0.08 * jitter - 0.35 * loss)));
        return new CallQuality(jitter, round(jitter * 2.5), loss, mos);
    }

    /** The stream's figures over {@code seconds} of media, in the shape of an edge's metrics in a call summary. */
    Map<String, Object> metrics(long seconds) {
        long sent = seconds * PACKETS_PER_SECOND;
        long lost = Math.round(sent * packetLoss / 100);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("codec", 0);
        metrics.put("codec_name", "pcmu");
        metrics.put("packets_received", sent - lost);
        metrics.put("packets_lost", lost);
        metrics.put("packets_loss_percentage", packetLoss);
        metrics.put("jitter", Map.of("avg", jitterAvg, "max", jitterMax));
        metrics.put("mos", mos);
        return metrics;
    }

    boolean highJitter() {
        return jitterAvg >= HIGH_JITTER_MS;
    }

    boolean highPacketLoss() {
        return packetLoss >= HIGH_PACKET_LOSS_PERCENT;
    }

    boolean lowMos() {
        return mos < LOW_MOS;
    }

    /** Four hex digits as a share of 0 to just under 1; digits that are not hex count as 0. */
    private static double share(String hex) {
        try {
            return Integer.parseInt(hex, 16) / 65536.0;
        } catch (NumberFormatException notHex) {
            return 0;
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
