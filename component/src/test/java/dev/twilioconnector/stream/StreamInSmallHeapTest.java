package dev.twilioconnector.stream;

import dev.twilioconnector.sandbox.TwilioSandbox;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A List far larger than the heap, streamed by a JVM started with -Xmx128m while the sandbox serves it from this
 * one. 100,000 records by default (a plain List of them needs about twice that heap); set
 * -Dtwilio.stream.records=1000000 for the full proof.
 */
class StreamInSmallHeapTest {

    private static final int RECORDS = Integer.getInteger("twilio.stream.records", 100_000);

    @Test
    void streamsTheWholeListWithAHeapOf128Mb() throws Exception {
        try (TwilioSandbox sandbox = TwilioSandbox.start()) {
            sandbox.seed("Messages", RECORDS);

            Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), StreamClientMain.class.getName(),
                    sandbox.baseUrl(), sandbox.accountSid(), sandbox.authToken())
                    .redirectErrorStream(true).start();
            String output = read(client);
            assertThat(client.waitFor(10, TimeUnit.MINUTES)).isTrue();

            assertThat(client.exitValue()).as(output).isZero();
            List<String> result = output.lines().filter(line -> line.startsWith("records=")).toList();
            assertThat(result).as(output).hasSize(1);
            assertThat(result.get(0)).startsWith("records=" + RECORDS + " ").containsPattern("maxHeapMb=1[0-2][0-9]$");
            System.out.println("StreamInSmallHeapTest: " + result.get(0));
        }
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
