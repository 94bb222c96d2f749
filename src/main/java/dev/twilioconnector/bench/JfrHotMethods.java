package dev.twilioconnector.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hot methods of a JFR recording, as JDK 21's {@code jfr view hot-methods} shows them but on JDK 17: of the
 * execution samples whose stack passes through a given method, the methods on top of the stack (self), the first
 * method on the stack outside the JDK (the library or connector code that asked the JDK for that work), and the
 * methods anywhere on it (total, each counted once a sample), in percent of those samples.
 *
 * <pre>
 * java -cp src/target/classes dev.twilioconnector.bench.JfrHotMethods recording.jfr \
 *     [dev.twilioconnector.bench.ConnectorMessagesClient.get] [top=40]
 * </pre>
 *
 * Record with {@code -XX:FlightRecorderOptions:stackdepth=512}: Camel's stacks are deeper than JFR's default 64
 * frames, and a stack cut short loses the frame that says which request it belongs to.
 */
public final class JfrHotMethods {

    private JfrHotMethods() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: JfrHotMethods <recording.jfr> [through.this.Class.method] [top=N]");
        }
        String through = args.length > 1 ? args[1] : null;
        int top = args.length > 2 ? Integer.parseInt(args[2].substring("top=".length())) : 40;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> selfOutsideJdk = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null) {
                continue;
            }
            List<String> methods = stack.getFrames().stream().filter(RecordedFrame::isJavaFrame)
                    .map(frame -> name(frame.getMethod())).toList();
            if (methods.isEmpty() || (through != null && !methods.contains(through))) {
                continue;
            }
            samples++;
            self.merge(methods.get(0), 1, Integer::sum);
            methods.stream().filter(method -> !inJdk(method)).findFirst()
                    .ifPresent(method -> selfOutsideJdk.merge(method, 1, Integer::sum));
            Set<String> once = new HashSet<>(methods);
            once.forEach(method -> total.merge(method, 1, Integer::sum));
        }
        System.out.printf("%d execution samples%s%n", samples, through == null ? "" : " through " + through);
        print("self", self, samples, top);
        print("self, first frame outside the JDK", selfOutsideJdk, samples, top);
        print("total", total, samples, top);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.printf("%n| %s | samples | %% |%n|---|---|---|%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf("| %s | %d | %.1f |%n", entry.getKey(), entry.getValue(),
                        100.0 * entry.getValue() / samples));
    }

    private static boolean inJdk(String method) {
        return method.startsWith("java.") || method.startsWith("javax.") || method.startsWith("jdk.")
                || method.startsWith("sun.") || method.startsWith("com.sun.");
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
