package dev.twilioconnector.action;

import dev.twilioconnector.sandbox.TwilioSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A 64 MiB recording downloaded by a JVM whose whole heap is 48 MiB, into a file through Camel's file producer:
 * holding the audio whole, in the connector or in Camel, cannot fit, so the client finishes only if the content
 * streams from the socket to the file.
 */
class DownloadInSmallHeapTest {

    /** 4,195 seconds of 8 kHz 16-bit WAV and its header: 64 MiB and a little more. */
    private static final int SECONDS = 4_195;
    private static final long BYTES = 44L + SECONDS * 16_000L;
    private static final Pattern RESULT = Pattern.compile("maxHeapMb=(\\d+) peakHeapMb=(\\d+)");

    @Test
    void a64MibRecordingStreamsToAFileInA48MibHeap(@TempDir Path directory) throws Exception {
        try (TwilioSandbox sandbox = TwilioSandbox.start()) {
            String sid = String.valueOf(sandbox.put("Recordings", Map.of("duration", String.valueOf(SECONDS))).get("sid"));

            Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx48m", "-cp", System.getProperty("java.class.path"), DownloadClientMain.class.getName(),
                    sandbox.baseUrl(), sandbox.accountSid(), sandbox.authToken(), sid, directory.toString())
                    .redirectErrorStream(true).start();
            byte[] output = client.getInputStream().readAllBytes();
            if (!client.waitFor(2, TimeUnit.MINUTES)) {
                client.destroyForcibly();
                fail("the client did not finish in 2 minutes");
            }
            String log = new String(output, StandardCharsets.UTF_8);

            assertThat(client.exitValue()).as(log).isZero();
            Matcher result = RESULT.matcher(log);
            assertThat(result.find()).as(log).isTrue();
            System.out.println("DownloadInSmallHeapTest: " + result.group() + " for " + BYTES + " bytes");
            assertThat(Long.parseLong(result.group(1))).as("the client's -Xmx").isLessThanOrEqualTo(48L);
            assertThat(Long.parseLong(result.group(1)) * 1024 * 1024).isLessThan(BYTES);
            Path file = directory.resolve(sid + ".wav");
            assertThat(Files.size(file)).isEqualTo(BYTES);
            assertThat(sha256(Files.newInputStream(file))).isEqualTo(sha256(
                    new ByteArrayInputStream(sandbox.recordingAudio(sid, "wav"))));
        }
    }

    private static String sha256(InputStream content) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(content, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
