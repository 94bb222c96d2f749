package dev.twilioconnector.sandbox;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox until the process is killed:
 * {@code java dev.twilioconnector.sandbox.SandboxMain [--port N] [--account-limit N] [--retry-after S]
 * [--status-step-millis MS]}.
 * Prints the base URL, the Account SID and the Auth Token, one per line, for a demo client or a test in another
 * JVM to pick up; such a test drives the sandbox through its admin API under {@code /sandbox/} (see
 * {@code AdminApi}).
 *
 * <ul>
 *   <li>{@code --port N}: the loopback port, 0 (the default) for an ephemeral one;</li>
 *   <li>{@code --account-limit N}: play Twilio's per-account limit, N requests per account in any second
 *       ({@link AccountLimit}); 0 (the default) for none;</li>
 *   <li>{@code --retry-after S}: the {@code Retry-After} seconds sent with the limit's 429s; none by default.</li>
 *   <li>{@code --status-step-millis MS}: created messages and calls move one status further every MS milliseconds
 *       ({@link StatusProgression}); 0 (the default) leaves them as created.</li>
 * </ul>
 */
public final class SandboxMain {

    static final String USAGE = "usage: SandboxMain [--port N] [--account-limit REQUESTS_PER_SECOND] [--retry-after SECONDS]"
            + " [--status-step-millis MILLISECONDS]";

    /** The command line, read. */
    record Options(int port, int accountLimit, Duration retryAfter, Duration statusStep) {

        private static final Set<String> NAMES = Set.of("--port", "--account-limit", "--retry-after", "--status-step-millis");

        /** Reads the arguments; an unknown or incomplete one, or an unusable number, fails with a message naming it. */
        static Options parse(String... args) {
            int port = 0;
            int accountLimit = 0;
            Duration retryAfter = null;
            Duration statusStep = null;
            for (int i = 0; i < args.length; i += 2) {
                String option = args[i];
                if (!NAMES.contains(option)) {
                    throw new IllegalArgumentException("unknown option '" + option + "'");
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                int value = number(option, args[i + 1]);
                switch (option) {
                    case "--port" -> port = value;
                    case "--account-limit" -> accountLimit = value;
                    case "--status-step-millis" -> statusStep = value == 0 ? null : Duration.ofMillis(value);
                    default -> retryAfter = Duration.ofSeconds(value);
                }
            }
            return new Options(port, accountLimit, retryAfter, statusStep);
        }

        private static int number(String option, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number >= 0) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // answered below, as a negative number is
            }
            throw new IllegalArgumentException(option + " must be a whole number, 0 or more, got '" + value + "'");
        }
    }

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        TwilioSandbox sandbox = TwilioSandbox.start(options.port());
        sandbox.accountLimit().perSecond(options.accountLimit()).retryAfter(options.retryAfter());
        if (options.statusStep() != null) {
            sandbox.statusProgression().every(options.statusStep());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "twilio-sandbox-shutdown"));
        System.out.println(sandbox.baseUrl());
        System.out.println(sandbox.accountSid());
        System.out.println(sandbox.authToken());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
