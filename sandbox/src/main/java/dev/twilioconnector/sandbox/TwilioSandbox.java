package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An embedded, in-memory, Twilio-compatible HTTP server on loopback that speaks Twilio's 2010-04-01 REST API
 * wire format, Verify v2's under {@link #verifyBaseUrl()}, Conversations v1's under {@link #conversationsBaseUrl()},
 * Voice Insights v1's under {@link #insightsBaseUrl()} and every other product's under {@link #productBaseUrl}: a
 * test double and a demo target.
 *
 * <pre>{@code
 * try (TwilioSandbox sandbox = TwilioSandbox.start()) {
 *     sandbox.put("Messages", Map.of("to", "+15558675310", "body", "Hi"));
 *     // point a client at sandbox.baseUrl() with sandbox.accountSid() / sandbox.authToken()
 * }
 * }</pre>
 *
 * Collection paths taken by {@link #put}, {@link #seed} and {@link #records} are relative to an account and
 * written as in Twilio's URLs without {@code .json}: {@code Messages}, {@code Messages/SM.../Media},
 * {@code Calls/CA.../Recordings}, {@code Calls/CA.../Feedback}, {@code Usage/Records}, and {@code Accounts} for
 * the accounts themselves. Records are maps in wire form (snake_case fields, RFC 2822 dates).
 *
 * <p>Downloads of a recording's audio and a media file's content are redirected, as Twilio's are, to a second host
 * the sandbox runs on another loopback port ({@link #mediaBaseUrl()}), which logs the requests it gets with their
 * headers ({@link #mediaRequests()}).
 *
 * <p>A sandbox in another JVM ({@link SandboxMain}) is driven through the same server's admin API under
 * {@code /sandbox/} (see {@code AdminApi}): records stored, the request log read and cleared, the account limit
 * and the status progression switched.
 */
public final class TwilioSandbox implements AutoCloseable {

    /** Requests the sandbox works on at once; more wait for a free worker. */
    static final int WORKERS = 16;

    static {
        // The JDK server writes headers and body as separate small segments; with Nagle's algorithm on, every
        // answer then waits for the client's delayed ACK (~40 ms). The JDK reads this once, at its first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ResourceTable resources = ResourceTable.load();
    private final Store store = new Store();
    private final ApiKeys apiKeys = new ApiKeys();
    private final Behaviours behaviours = new Behaviours(store, apiKeys);
    private final StatusProgression statusProgression = new StatusProgression();
    private final StatusAdvancer advancer = new StatusAdvancer(store, behaviours, statusProgression);
    private final Records records = new Records(resources, store, behaviours, advancer);
    private final RequestLog requestLog = new RequestLog();
    private final Faults faults = new Faults();
    private final AccountLimit accountLimit = new AccountLimit();
    private final VerifyService verify = new VerifyService();
    private final ConversationsService conversations = new ConversationsService();
    private final InsightsService insights = new InsightsService(store);
    private final DescribedCrud described = new DescribedCrud();
    private final HttpServer server;
    private final ExecutorService executor;
    private final MediaHost mediaHost;
    private final Downloads downloads;
    private final String accountSid = Ids.sid("AC");
    private final String authToken = Ids.hex32();

    private TwilioSandbox(int port) throws IOException {
        createDefaultAccount();
        AtomicInteger threadCount = new AtomicInteger();
        executor = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "twilio-sandbox-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        mediaHost = new MediaHost(executor);
        downloads = new Downloads(resources, records, mediaHost);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        HttpContext context = server.createContext("/",
                new ApiHandler(resources, store, records, behaviours, downloads, verify, conversations, insights,
                        described));
        // The chain every request passes: the log first, so it sees every request, then authentication, then the
        // account's limit, which turns requests away before anything else is done with them, then faults.
        context.getFilters().add(requestLog);
        context.getFilters().add(new Authenticator(store, apiKeys));
        context.getFilters().add(new AccountLimiter(accountLimit));
        context.getFilters().add(new FaultInjector(faults));
        server.createContext(AdminApi.PREFIX, new AdminApi(this, requestLog));
        server.setExecutor(new ArrivalStampingExecutor(executor));
        server.start();
    }

    /** Starts a sandbox on 127.0.0.1 at an ephemeral port. */
    public static TwilioSandbox start() {
        return start(0);
    }

    /** Starts a sandbox on 127.0.0.1 at {@code port} (0 for an ephemeral one). */
    public static TwilioSandbox start(int port) {
        try {
            return new TwilioSandbox(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Twilio sandbox on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, to use in place of {@code https://api.twilio.com}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The SID of the account created at start. */
    public String accountSid() {
        return accountSid;
    }

    /** The Auth Token of the account created at start. */
    public String authToken() {
        return authToken;
    }

    /** Registers an API Key (SID {@code SK...}) with its secret for the default account. */
    public void addApiKey(String keySid, String secret) {
        records.insert(resources.resolveCollection("Keys"), accountSid, Map.of("sid", keySid));
        apiKeys.register(keySid, accountSid, secret);
    }

    /**
     * Stores one record in the collection at {@code path}, in wire form. Missing fields get the defaults a
     * create would give them, a missing id is generated, and parent keys come from the path. The record goes
     * to the account named by its {@code account_sid}, else to the default account. Parents are not checked,
     * so records can be seeded in any order.
     *
     * @return the stored record in wire form
     */
    public Map<String, Object> put(String path, Map<String, ?> fields) {
        return WireFormat.render(store(resources.resolveCollection(path), fields));
    }

    private Map<String, Object> store(ResolvedPath resolved, Map<String, ?> fields) {
        Object account = fields.get("account_sid");
        String owner = account == null || resolved.type().isAccounts() ? accountSid : account.toString();
        return records.insert(resolved, owner, fields);
    }

    /**
     * Stores {@code count} generated records in the collection at {@code path}: distinct ids, the resource's
     * sample fields, and dates one minute apart going back from now (newest first, as lists return them).
     *
     * @return the stored records in wire form
     */
    public List<Map<String, Object>> seed(String path, int count) {
        List<Map<String, Object>> seeded = new ArrayList<>();
        generate(path, count, record -> seeded.add(WireFormat.render(record)));
        return seeded;
    }

    /**
     * Stores {@code count} generated records as {@link #seed} does, without handing them back: for lists too large
     * to hold twice, such as a million records.
     */
    public void generate(String path, int count) {
        generate(path, count, record -> { });
    }

    private void generate(String path, int count, Consumer<Map<String, Object>> stored) {
        ResolvedPath resolved = resources.resolveCollection(path);
        ResourceType type = resolved.type();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            Map<String, Object> fields = new LinkedHashMap<>(type.sample());
            Instant at = now.minus(Duration.ofMinutes(i));
            for (String field : resources.dateFields()) {
                if (type.defaults().containsKey(field)) {
                    fields.put(field, at);
                }
            }
            if (type.prefix() == null) {
                fields.put(type.id(), type.name().toLowerCase() + "-" + i);
            }
            stored.accept(store(resolved, fields));
        }
        // sorted now rather than by the first list request, which would wait for a sort of the whole collection
        records.index(resolved, accountSid);
    }

    /** The records now in the collection at {@code path}, in list order, in wire form. */
    public List<Map<String, Object>> records(String path) {
        ResolvedPath resolved = resources.resolveCollection(path);
        return records.list(resolved, accountSid).stream().map(WireFormat::render).toList();
    }

    /** Every request received, in arrival order. */
    public List<RecordedRequest> requests() {
        return requestLog.requests();
    }

    public void clearRequests() {
        requestLog.clear();
    }

    /**
     * {@code http://127.0.0.1:PORT} of the media host: the second host that downloads of recordings and media are
     * redirected to, as Twilio redirects them to its storage. Another port than {@link #baseUrl()}'s, so another origin.
     */
    public String mediaBaseUrl() {
        return mediaHost.baseUrl();
    }

    /** Every request the media host received, headers included, in the order answered. */
    public List<MediaRequest> mediaRequests() {
        return mediaHost.requests();
    }

    /**
     * The audio the media host serves for recording {@code recordingSid} of the default account in {@code format}
     * ({@code wav} or {@code mp3}): a WAV header and 16,000 bytes a second of its {@code duration}, or 4,000 bytes a
     * second of MP3, generated from the SID, so any duration (a 64 MiB file: 4,200 seconds) costs no memory until read.
     */
    public byte[] recordingAudio(String recordingSid, String format) {
        return downloads.content("Recordings", recordingSid, format, accountSid).bytes();
    }

    /** The content the media host serves for media file {@code mediaSid} of message {@code messageSid}. */
    public byte[] mediaContent(String messageSid, String mediaSid) {
        return downloads.content("Messages/" + messageSid + "/Media", mediaSid, null, accountSid).bytes();
    }

    /**
     * {@code http://127.0.0.1:PORT/verify}: where the sandbox serves Twilio Verify v2, to use in place of
     * {@code https://verify.twilio.com} (the description's paths, {@code /v2/Services...}, appended).
     */
    public String verifyBaseUrl() {
        return baseUrl() + VerifyService.PREFIX;
    }

    /**
     * {@code http://127.0.0.1:PORT/conversations}: where the sandbox serves Twilio Conversations v1, to use in place of
     * {@code https://conversations.twilio.com} (the description's paths, {@code /v1/Conversations...}, appended).
     */
    public String conversationsBaseUrl() {
        return baseUrl() + ConversationsService.PREFIX;
    }

    /**
     * Adds a message from {@code author} to the default account's conversation of that SID or unique name, as a
     * participant's phone or app would send it, creating the conversation, with that unique name, when there is none:
     * what a test or a demo feeds a poller of {@code Conversations.ConversationMessages} with.
     *
     * @return the message in wire form
     */
    public Map<String, Object> conversationMessage(String conversation, String author, String body) {
        return conversations.receive(accountSid, conversation, author, body);
    }

    /**
     * {@code http://127.0.0.1:PORT/insights}: where the sandbox serves Twilio Voice Insights v1 for its own calls, to
     * use in place of {@code https://insights.twilio.com} (the description's paths, {@code /v1/Voice/...}, appended).
     */
    public String insightsBaseUrl() {
        return baseUrl() + InsightsService.PREFIX;
    }

    /**
     * {@code http://127.0.0.1:PORT/<key>}: where the sandbox serves the product that the connector's {@code baseUrls}
     * names {@code key} ({@code messaging}, {@code studio}, {@code taskrouter}, ...), to use in place of its Twilio
     * host (the description's paths, {@code /v1/...}, appended). Verify, Conversations and Insights are services of
     * their own there; every other product is the generic CRUD its descriptions drive.
     */
    public String productBaseUrl(String key) {
        return baseUrl() + "/" + key;
    }

    /**
     * The one-time code of the newest pending Verify verification of {@code to} in service {@code serviceSid}, as
     * Twilio would have sent it to the number; the sandbox logs it too.
     *
     * @throws IllegalArgumentException when that number has no pending verification in that service
     */
    public String verificationCode(String serviceSid, String to) {
        return verify.code(serviceSid, to).orElseThrow(() -> new IllegalArgumentException(
                "no pending verification of " + to + " in Verify service " + serviceSid));
    }

    /** The faults the sandbox fails requests with: none until a test asks for them. */
    public Faults faults() {
        return faults;
    }

    /**
     * Twilio's per-account request limit, which the sandbox plays when a test sets one: none until then.
     * {@code sandbox.accountLimit().perSecond(25)}.
     */
    public AccountLimit accountLimit() {
        return accountLimit;
    }

    /**
     * Whether messages and calls created over HTTP move through their statuses by themselves, as Twilio's do: off
     * until a test asks, {@code sandbox.statusProgression().every(Duration.ofMillis(200))}.
     */
    public StatusProgression statusProgression() {
        return statusProgression;
    }

    /**
     * Empties every collection, the request log and the media host's, heals every fault, lifts the account limit and
     * turns the status progression off; the default account and its credentials remain.
     */
    public void reset() {
        faults.clear();
        accountLimit.lift();
        statusProgression.off();
        store.clear();
        verify.clear();
        conversations.clear();
        described.clear();
        apiKeys.clear();
        requestLog.clear();
        mediaHost.clear();
        createDefaultAccount();
    }

    @Override
    public void close() {
        server.stop(0);
        mediaHost.close();
        executor.shutdownNow();
        advancer.close();
    }

    private void createDefaultAccount() {
        records.insert(resources.resolveCollection("Accounts"), accountSid, Map.of(
                "sid", accountSid, "auth_token", authToken, "friendly_name", "Sandbox account"));
    }
}
