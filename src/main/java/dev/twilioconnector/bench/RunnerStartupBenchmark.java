package dev.twilioconnector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * What one node of the runner costs to start: the runner's jar started as the README starts it, on the sandbox (no
 * TWILIO_* variables) with the demo flows, several times in a row; for each run the time from launching the JVM to
 * Camel's "started in" line (every route started) and the resident memory (VmRSS, and the peak VmHWM, from
 * /proc/&lt;pid&gt;/status) when the routes started and again after the demo flows ran for a while. Then one more run
 * with {@code -Xlog:class+load} counts the classes loaded until the routes started, by package.
 *
 * <p>Linux only (/proc). Run from the repository root; the reactor packages the runner's jar first:
 *
 * <pre>
 * mvn -B -q -pl src -am package -DskipTests -Dbench=RunnerStartupBenchmark \
 *     [-Dbench.jvmArgs="-Dbench.runs=5 -Dbench.runSeconds=10 -Dbench.runnerJvmArgs=-Xmx256m"]
 * </pre>
 *
 * Each run works in a temporary folder holding a copy of {@code routes/}, so the demo flows' files stay out of the
 * repository.
 */
public final class RunnerStartupBenchmark {

    private static final Path JAR = Path.of("runtime/target/twilio-connector-runtime.jar");
    private static final String STARTED = "started in";
    /** The libraries whose share of the start-up is worth knowing: what the demo flows use, and what they do not. */
    private static final List<String> LIBRARIES = List.of("org.apache.camel", "dev.twilioconnector", "io.vertx",
            "io.netty", "org.apache.logging.log4j", "com.fasterxml.jackson", "org.snakeyaml", "org.apache.hc",
            "io.github.resilience4j", "io.micrometer", "io.fabric8", "org.apache.camel.component.kubernetes",
            "org.apache.camel.component.sql", "org.springframework", "com.zaxxer.hikari", "org.postgresql",
            "com.sun.org.apache");

    private record Run(long startMillis, long rssAtStartKib, long peakAtStartKib, long rssAfterKib, long peakAfterKib) {
    }

    private RunnerStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        int runSeconds = Integer.getInteger("bench.runSeconds", 10);
        List<String> runnerJvmArgs = Stream.of(System.getProperty("bench.runnerJvmArgs", "").split(" "))
                .filter(arg -> !arg.isBlank()).toList();
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run from the repository root after "
                    + "the reactor packaged runtime/");
        }
        System.out.printf("%s: %.1f MiB, %d classes in it; %d cores; runner JVM options %s%n", JAR,
                Files.size(JAR) / 1048576.0, classesIn(JAR), Runtime.getRuntime().availableProcessors(), runnerJvmArgs);
        System.out.println();
        System.out.println("| run | JVM start to routes started | RSS at start | peak RSS at start | RSS after "
                + runSeconds + " s | peak RSS after " + runSeconds + " s |");
        System.out.println("|---|---|---|---|---|---|");
        List<Run> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run run = run(runnerJvmArgs, runSeconds, null);
            results.add(run);
            System.out.printf("| %d | %d ms | %d MiB | %d MiB | %d MiB | %d MiB |%n", i, run.startMillis(),
                    run.rssAtStartKib() / 1024, run.peakAtStartKib() / 1024, run.rssAfterKib() / 1024,
                    run.peakAfterKib() / 1024);
        }
        System.out.printf("| median | %d ms | %d MiB | %d MiB | %d MiB | %d MiB |%n",
                median(results, Run::startMillis), median(results, Run::rssAtStartKib) / 1024,
                median(results, Run::peakAtStartKib) / 1024, median(results, Run::rssAfterKib) / 1024,
                median(results, Run::peakAfterKib) / 1024);

        Path classLog = Files.createTempFile("runner-class-load", ".log");
        run(runnerJvmArgs, 0, classLog);
        Path atStart = classLog.resolveSibling(classLog.getFileName() + ".at-start");
        printClassesLoaded(atStart);
        Files.delete(classLog);
        Files.delete(atStart);
    }

    private static Run run(List<String> runnerJvmArgs, int runSeconds, Path classLog) throws Exception {
        Path workDir = Files.createTempDirectory("runner-startup");
        copy(Path.of("routes"), workDir.resolve("routes"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcamel.server.port=" + port, "-Dcamel.management.port=" + port));
        command.addAll(runnerJvmArgs);
        if (classLog != null) {
            command.add("-Xlog:class+load:file=" + classLog);
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        // on the sandbox, as the demo flows need
        builder.environment().keySet().removeIf(name -> name.startsWith("TWILIO_"));
        long launched = System.nanoTime();
        Process runner = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !(line.contains("Apache Camel") && line.contains(STARTED))) {
                // start-up lines
            }
            if (line == null) {
                throw new IllegalStateException("the runner stopped before its routes started: exit " + runner.waitFor());
            }
            long startMillis = (System.nanoTime() - launched) / 1_000_000;
            Map<String, Long> atStart = memory(runner.pid());
            if (classLog != null) {
                // what loaded until now: the log goes on with the flows' and the shutdown's classes
                Files.copy(classLog, classLog.resolveSibling(classLog.getFileName() + ".at-start"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Thread drain = new Thread(() -> drain(out), "runner-output");
            drain.setDaemon(true);
            drain.start();
            TimeUnit.SECONDS.sleep(runSeconds);
            Map<String, Long> after = memory(runner.pid());
            return new Run(startMillis, atStart.get("VmRSS"), atStart.get("VmHWM"), after.get("VmRSS"),
                    after.get("VmHWM"));
        } finally {
            runner.destroy();
            if (!runner.waitFor(20, TimeUnit.SECONDS)) {
                runner.destroyForcibly();
            }
            delete(workDir);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the flows' log lines, read so that the runner never blocks on a full pipe
            }
        } catch (IOException e) {
            // the runner was stopped
        }
    }

    /** VmRSS and VmHWM of a process, in KiB. */
    private static Map<String, Long> memory(long pid) throws IOException {
        Map<String, Long> kib = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                String[] parts = line.split("\\s+");
                kib.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
            }
        }
        return kib;
    }

    /** The classes the JVM loaded until the routes started, in all and by the packages that loaded the most. */
    private static void printClassesLoaded(Path classLog) throws IOException {
        List<String> loaded;
        try (Stream<String> lines = Files.lines(classLog)) {
            loaded = lines.filter(line -> line.contains("[class,load]"))
                    .map(line -> line.substring(line.indexOf("[class,load]") + "[class,load]".length()).trim())
                    .map(entry -> entry.substring(0, entry.indexOf(' ') < 0 ? entry.length() : entry.indexOf(' ')))
                    .toList();
        }
        long fromJar;
        try (Stream<String> lines = Files.lines(classLog)) {
            fromJar = lines.filter(line -> line.contains("twilio-connector-runtime.jar")).count();
        }
        System.out.printf("%nclasses loaded until the routes started: %d, %d of them from the runner's jar "
                + "(-Xlog:class+load, one run)%n%n", loaded.size(), fromJar);
        Map<String, Long> byPackage = loaded.stream().collect(Collectors.groupingBy(RunnerStartupBenchmark::packageGroup,
                Collectors.counting()));
        System.out.println("| package | classes |");
        System.out.println("|---|---|");
        byPackage.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(25).forEach(entry -> System.out.printf("| %s | %d |%n", entry.getKey(), entry.getValue()));
        System.out.printf("%n| library the jar carries | classes loaded at start |%n|---|---|%n");
        for (String library : LIBRARIES) {
            System.out.printf("| %s | %d |%n", library, loaded.stream().filter(name -> name.startsWith(library + ".")).count());
        }
    }

    /** The first four parts of a class's package (org.apache.camel.component), enough to tell libraries apart. */
    private static String packageGroup(String className) {
        String[] parts = className.split("\\.");
        int depth = Math.min(parts.length - 1, 4);
        return depth == 0 ? "(default package)" : String.join(".", List.of(parts).subList(0, depth));
    }

    private static long classesIn(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().filter(entry -> entry.getName().endsWith(".class")).count();
        }
    }

    private static long median(List<Run> runs, ToLongFunction<Run> figure) {
        long[] sorted = runs.stream().mapToLong(figure).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                try {
                    Files.copy(path, to.resolve(from.relativize(path).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
