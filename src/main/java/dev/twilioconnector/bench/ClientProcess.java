package dev.twilioconnector.bench;

import dev.twilioconnector.bench.ClientComparisonBenchmark.Operation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A {@link ClientWorker} in a JVM of its own, told what to do line by line. */
final class ClientProcess implements AutoCloseable {

    record Throughput(double requestsPerSecond, double cpuNanosPerRequest) {
    }

    private final String name;
    private String label;
    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;

    private ClientProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code client} on the benchmark's class path with {@code jvmArgs}, and waits until it has checked that it
     * parses each answer.
     */
    static ClientProcess start(String client, String baseUrl, List<String> jvmArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClientWorker.class.getName(), client, baseUrl));
        ClientProcess started = new ClientProcess(client,
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        String ready = started.answer();
        if (!ready.startsWith("ready ")) {
            throw new IOException("the " + client + " client answered '" + ready + "', not that it is ready");
        }
        started.label = ready.substring("ready ".length());
        return started;
    }

    String client() {
        return name;
    }

    /** The name the client gives itself, for the tables. */
    String label() {
        return label;
    }

    void warmUp(int seconds, List<Operation> operations) throws IOException {
        send("warmup " + seconds + " " + operations.stream().map(Operation::name).collect(Collectors.joining(" ")));
        expect("done");
    }

    /** One batch of {@code operation}, with the server's CPU over it as {@code server} measured it. */
    RequestCost round(Operation operation, LoopbackServerProcess server) throws IOException {
        long serverCpu = server.cpuTime().toNanos();
        send("round " + operation.name());
        double[] figures = figures(4);
        serverCpu = server.cpuTime().toNanos() - serverCpu;
        return new RequestCost(figures[0], figures[1], figures[2], figures[3], (double) serverCpu / operation.batch);
    }

    Throughput throughput(Operation operation, int threads, int seconds) throws IOException {
        send("throughput " + operation.name() + " " + threads + " " + seconds);
        double[] figures = figures(2);
        return new Throughput(figures[0], figures[1]);
    }

    private void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    private double[] figures(int count) throws IOException {
        String line = answer();
        double[] figures = Arrays.stream(line.split(" ")).mapToDouble(Double::parseDouble).toArray();
        if (figures.length != count) {
            throw new IOException("the " + name + " client answered '" + line + "', not " + count + " figures");
        }
        return figures;
    }

    private void expect(String expected) throws IOException {
        String line = answer();
        if (!expected.equals(line)) {
            throw new IOException("the " + name + " client answered '" + line + "', not '" + expected + "'");
        }
    }

    /** The client's next answer; what else its JVM prints goes to this one's standard error. */
    private String answer() throws IOException {
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
            if (line.startsWith(ClientWorker.ANSWER)) {
                return line.substring(ClientWorker.ANSWER.length());
            }
            System.err.println(line);
        }
        throw new IOException("the " + name + " client's JVM ended; its errors are above");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
