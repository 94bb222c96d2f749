package dev.twilioconnector.stream;

import dev.twilioconnector.sandbox.TwilioSandbox;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A List of a million records, far larger than the heap, streamed by a JVM started with -Xmx128m while the sandbox
 * serves it from this one. The client samples its heap after a full GC every tenth of the way: a stream that held
 * on to anything per record would grow from sample to sample (a million records of a kilobyte would not fit at all).
 * -Dtwilio.stream.records=N changes the size.
 */
class StreamInSmallHeapTest {

    private static final int RECORDS = Integer.getInteger("twilio.stream.records", 1_000_000);
    private static final int SAMPLES = 10;
    /** The live set: Camel, the client and two pages of a thousand records, a fraction of the heap. */
    private static final long LIVE_BOUND_MB = 64;
    /** Room for the pages in flight and the GC's own noise; far below what a per-record leak adds. */
    private static final long GROWTH_BOUND_MB = 8;
    private static final Pattern RESULT = Pattern.compile(
            "records=(\\d+) seconds=\\S+ peakHeapMb=(\\d+) maxHeapMb=(\\d+) heapAfterGcMb=([\\d,]+)");

    @Test
    void streamsTheWholeListWithAHeapOf128MbAndFlatMemory() throws Exception {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assumeTrue(heapMb >= RECORDS / 400, "the sandbox holds " + RECORDS + " records in this JVM, about 2 KB each,"
                + " and this JVM's heap is " + heapMb + " MB");
        try (TwilioSandbox sandbox = TwilioSandbox.start()) {
            sandbox.generate("Messages", RECORDS);

            Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), StreamClientMain.class.getName(),
                    sandbox.baseUrl(), sandbox.accountSid(), sandbox.authToken(), String.valueOf(RECORDS / SAMPLES))
                    .redirectErrorStream(true).start();
            StringBuffer output = new StringBuffer();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> copyLines(client, output));
            if (!client.waitFor(5, TimeUnit.MINUTES)) {
                client.destroyForcibly();
                fail("the client did not finish in 5 minutes; its output so far:\n" + output);
            }
            reader.get(10, TimeUnit.SECONDS);

            assertThat(client.exitValue()).as(output.toString()).isZero();
            Matcher result = RESULT.matcher(output);
            assertThat(result.find()).as(output.toString()).isTrue();
            System.out.println("StreamInSmallHeapTest: " + result.group());
            long maxHeap = Long.parseLong(result.group(3));
            List<Long> heapAfterGc = Arrays.stream(result.group(4).split(",")).map(Long::valueOf).toList();
            assertThat(Long.parseLong(result.group(1))).isEqualTo(RECORDS);
            assertThat(maxHeap).as("the client's -Xmx").isBetween(100L, 128L);
            assertThat(Long.parseLong(result.group(2))).as("peak heap used").isLessThanOrEqualTo(maxHeap);
            assertThat(heapAfterGc).hasSize(SAMPLES).allSatisfy(used -> assertThat(used).isLessThanOrEqualTo(LIVE_BOUND_MB));
            long firstMax = heapAfterGc.subList(0, 3).stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(heapAfterGc.subList(SAMPLES - 3, SAMPLES))
                    .as("heap after GC at the end vs at the start: %s", heapAfterGc)
                    .allSatisfy(used -> assertThat(used).isLessThanOrEqualTo(firstMax + GROWTH_BOUND_MB));
        }
    }

    private static void copyLines(Process process, StringBuffer output) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> output.append(line).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
