package dev.twilioconnector;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.client.ClientSettings;
import dev.twilioconnector.client.ProxySettings;
import dev.twilioconnector.client.TwilioClient;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.error.TwilioConnectorThrottledException;
import dev.twilioconnector.health.CircuitBreakerHealthCheck;
import dev.twilioconnector.health.ConnectionHealthCheck;
import dev.twilioconnector.operation.OperationRunner;
import dev.twilioconnector.resilience.BreakerSettings;
import dev.twilioconnector.resilience.CallPath;
import dev.twilioconnector.resilience.NodeThrottle;
import dev.twilioconnector.resilience.RetrySettings;
import dev.twilioconnector.resilience.ThrottleSettings;
import dev.twilioconnector.settings.AccountCredentials;
import dev.twilioconnector.settings.Choices;
import dev.twilioconnector.settings.ConnectionCapacity;
import dev.twilioconnector.settings.ConnectionIdentity;
import dev.twilioconnector.settings.NodeRange;
import dev.twilioconnector.settings.ProxyCheck;
import dev.twilioconnector.settings.TransportCheck;
import dev.twilioconnector.settings.TwilioEnvironment;
import dev.twilioconnector.telemetry.CircuitBreakerMetrics;
import dev.twilioconnector.telemetry.MeterRegistryLookup;
import dev.twilioconnector.telemetry.RequestLogging;
import dev.twilioconnector.telemetry.RequestMetrics;
import org.apache.camel.Endpoint;
import org.apache.camel.LoggingLevel;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.IOHelper;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Map;

/**
 * One connection to Twilio: the account, its credentials and where Twilio is. Every endpoint of
 * the component shares its one HTTP client, so whatever limits the connection limits them all.
 */
@Component("twilio-connector")
public class TwilioConnectorComponent extends DefaultComponent implements SSLContextParametersAware {

    static final String DEFAULT_BASE_URL = "https://api.twilio.com";

    @Metadata(label = "security", description = "The Account SID (AC and 32 hexadecimal digits) whose resources the connection reaches;"
            + " the environment variable TWILIO_ACCOUNT_SID when not set. With none set anywhere, the runner starts the"
            + " embedded sandbox.")
    private String accountSid;

    @Metadata(label = "security", secret = true,
              description = "The Auth Token of the account; TWILIO_AUTH_TOKEN when not set. Give it, or an API Key SID and"
                      + " secret.")
    private String authToken;

    @Metadata(label = "security", description = "An API Key SID (SK and 32 hexadecimal digits) to authenticate with instead of the Auth"
            + " Token; TWILIO_API_KEY when not set.")
    private String apiKeySid;

    @Metadata(label = "security", secret = true, description = "The secret of the API Key; TWILIO_API_SECRET when not set.")
    private String apiKeySecret;

    @Metadata(defaultValue = DEFAULT_BASE_URL,
              description = "Where Twilio's REST API is: https://api.twilio.com, a private endpoint, or the sandbox.")
    private String baseUrl = DEFAULT_BASE_URL;

    @Metadata(label = "advanced", defaultValue = "10000", description = "Milliseconds to wait for a connection to Twilio.")
    private int connectTimeout = 10_000;

    @Metadata(label = "advanced", defaultValue = "30000", description = "Milliseconds to wait for Twilio's answer.")
    private int responseTimeout = 30_000;

    @Metadata(label = "connection", defaultValue = ConnectionIdentity.DEFAULT_NAME,
              description = "The connection's name: lowercase letters, digits and hyphens, starting with a letter and"
                      + " ending with a letter or digit, at most 49 characters. Tags its health check, metrics and logs.")
    private String connectionName = ConnectionIdentity.DEFAULT_NAME;

    @Metadata(label = "connection", description = "What the connection is for, at most 1000 characters.")
    private String description;

    @Metadata(label = "connection",
              description = "Labels of the connection as key=value pairs separated by commas, e.g. team=messaging,env=prod:"
                      + " keys start with a lowercase letter; keys and values hold lowercase letters, digits, '_' and '-'.")
    private String labels;

    @Metadata(label = "connection", description = "A label of where the connection runs, e.g. europe-west1.")
    private String location;

    @Metadata(label = "connection", defaultValue = "ERROR", enums = "TRACE,DEBUG,INFO,WARN,ERROR,OFF",
              description = "The connector's own request log, logger dev.twilioconnector.requests: INFO writes one line per"
                      + " Twilio request (entity, operation, HTTP status, Twilio request id, duration); ERROR writes"
                      + " failures only; OFF nothing. Outside the runner, let that logger through in your logging backend.")
    private String logLevel = "ERROR";

    @Metadata(label = "connection", defaultValue = "2", description = "The fewest nodes serving the connection, at least 1.")
    private int minNodes = NodeRange.DEFAULT_MIN;

    @Metadata(label = "connection", defaultValue = "50", description = "The most nodes serving the connection, at least minNodes.")
    private int maxNodes = NodeRange.DEFAULT_MAX;

    @Metadata(label = "proxy", defaultValue = "false", description = "Whether requests to Twilio go through a forward proxy.")
    private boolean proxyEnabled;

    @Metadata(label = "proxy", defaultValue = "NONE", enums = "NONE,BASIC,DIGEST",
              description = "How to authenticate to the proxy: NONE, BASIC or DIGEST.")
    private String proxyAuthScheme = "NONE";

    @Metadata(label = "proxy", description = "The user name for the proxy.")
    private String proxyUser;

    @Metadata(label = "proxy", secret = true, description = "The password for the proxy.")
    private String proxyPassword;

    @Metadata(label = "proxy", defaultValue = "AUTO", enums = "AUTO,ALWAYS,NEVER,TUNNEL",
              description = "How requests travel through the proxy: AUTO (HTTPS targets through a CONNECT tunnel, HTTP"
                      + " targets forwarded in the clear), ALWAYS (TLS to the proxy), NEVER (no TLS to the proxy, no tunnel),"
                      + " TUNNEL (always a CONNECT tunnel).")
    private String proxySslType = "AUTO";

    @Metadata(label = "proxy", description = "The proxy's host name.")
    private String proxyHost;

    @Metadata(label = "proxy", defaultValue = "0", description = "The proxy's port, 1..65535; needed when proxyEnabled.")
    private int proxyPort;

    @Metadata(label = "security", description = "Whom to trust over TLS (trust store, key store, protocols), as Camel's"
            + " SSLContextParameters; the JVM's default trust when not set.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false", description = "Whether to use Camel's global SSLContextParameters.")
    private boolean useGlobalSslContextParameters;

    @Metadata(defaultValue = "25", description = "The most requests per second this node sends to Twilio on this connection,"
            + " every request counted: each page of a List, each record of a filterClause Update or Delete, each retry."
            + " Each node enforces its own limit, so N nodes send up to N times as many.")
    private int transactionsPerSecond = ThrottleSettings.DEFAULT_TRANSACTIONS_PER_SECOND;

    @Metadata(defaultValue = "100", description = "How many requests may wait for their turn at the node throttle;"
            + " beyond that a request fails at once with TwilioConnectorThrottledException.")
    private int throttleQueueSize = ThrottleSettings.DEFAULT_QUEUE_SIZE;

    @Metadata(label = "advanced", defaultValue = "4", description = "Attempts in all, the first included, for a request"
            + " that may be retried: a GET or DELETE that met 429, 500, 502, 503, 504 or an I/O error, or a POST that"
            + " provably never reached Twilio or that Twilio turned away with 429. 1 turns retries off.")
    private int retryMaxAttempts = RetrySettings.DEFAULT_MAX_ATTEMPTS;

    @Metadata(label = "advanced", defaultValue = "500", description = "Milliseconds of backoff before the first retry,"
            + " doubled for each further one; the wait is a random time up to the backoff (full jitter).")
    private long retryInitialDelay = RetrySettings.DEFAULT_INITIAL_DELAY_MILLIS;

    @Metadata(label = "advanced", defaultValue = "10000", description = "The most milliseconds a backoff grows to.")
    private long retryMaxDelay = RetrySettings.DEFAULT_MAX_DELAY_MILLIS;

    @Metadata(label = "advanced", defaultValue = "30000", description = "Milliseconds from a request's first attempt"
            + " after which no retry starts: a retry whose wait would end later is not made.")
    private long retryMaxElapsedTime = RetrySettings.DEFAULT_MAX_ELAPSED_MILLIS;

    @Metadata(label = "advanced", defaultValue = "30000", description = "The longest wait, in milliseconds, that a"
            + " Retry-After header from Twilio may impose before a retry; a longer one is cut to this.")
    private long retryAfterCap = RetrySettings.DEFAULT_RETRY_AFTER_CAP_MILLIS;

    @Metadata(label = "advanced", defaultValue = "50", description = "The circuit breaker opens when this percentage of"
            + " the requests in its sliding window failed with 429, 5xx, an unreadable answer or an I/O error.")
    private int circuitBreakerFailureRateThreshold = BreakerSettings.DEFAULT_FAILURE_RATE_THRESHOLD;

    @Metadata(label = "advanced", defaultValue = "100", description = "How many of the latest requests the circuit"
            + " breaker's failure rate is taken over.")
    private int circuitBreakerSlidingWindowSize = BreakerSettings.DEFAULT_SLIDING_WINDOW_SIZE;

    @Metadata(label = "advanced", defaultValue = "100", description = "Requests the circuit breaker needs to have seen"
            + " before its failure rate can open it.")
    private int circuitBreakerMinimumNumberOfCalls = BreakerSettings.DEFAULT_MINIMUM_NUMBER_OF_CALLS;

    @Metadata(label = "advanced", defaultValue = "60000", description = "Milliseconds the circuit breaker stays open,"
            + " failing requests at once, before it lets probe requests through.")
    private long circuitBreakerWaitDurationInOpenState = BreakerSettings.DEFAULT_WAIT_DURATION_IN_OPEN_STATE_MILLIS;

    @Metadata(label = "advanced", defaultValue = "10", description = "Probe requests the half-open circuit breaker lets"
            + " through; their failure rate decides whether it closes or opens again.")
    private int circuitBreakerPermittedCallsInHalfOpenState = BreakerSettings.DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE;

    @Metadata(label = "consumer,advanced",
              description = "Where polling consumers that set neither their own stateRepository nor stateFile keep their"
                      + " cursors: a Camel StateRepository bean, e.g. #twilioState; on several nodes one that every node"
                      + " sees, such as dev.twilioconnector.state.JdbcStateRepository on PostgreSQL. Default: a file per"
                      + " route (see stateFile).")
    private StateRepository<String, String> stateRepository;

    @Metadata(label = "consumer,advanced",
              description = "Where webhook consumers remember the I-Twilio-Idempotency-Token (with X-Twilio-Signature) of the"
                      + " requests they delivered: a Camel IdempotentRepository bean; on several nodes one that every node"
                      + " sees (e.g. camel-sql's JdbcMessageIdRepository), so that a retry reaching another node is not"
                      + " delivered again. Default: the memory of each webhook consumer, webhookReplayCacheSize requests.")
    private IdempotentRepository webhookIdempotentRepository;

    private final ObjectMapper mapper = new ObjectMapper();
    private TwilioClient client;
    private CallPath callPath;
    private OperationRunner runner;
    private ConnectionCapacity capacity;
    private ConnectionHealthCheck healthCheck;
    private CircuitBreakerHealthCheck breakerHealthCheck;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining.startsWith(TwilioConnectorEndpoint.WEBHOOK + "/")) {
            TwilioConnectorEndpoint webhook = new TwilioConnectorEndpoint(uri, this, new TwilioConnectorConfiguration());
            webhook.resolveWebhook(remaining.substring(TwilioConnectorEndpoint.WEBHOOK.length() + 1));
            setProperties(webhook, parameters);
            return webhook;
        }
        String[] parts = remaining.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new TwilioConnectorInputException("Expected twilio-connector:<Entity>/<Operation>, e.g."
                    + " twilio-connector:Messages/Create, but got twilio-connector:" + remaining);
        }
        TwilioConnectorEndpoint endpoint = new TwilioConnectorEndpoint(uri, this, new TwilioConnectorConfiguration());
        endpoint.resolve(parts[0], parts[1]);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ConnectionIdentity identity = ConnectionIdentity.of(connectionName, description, labels, location);
        NodeRange nodes = NodeRange.of(minNodes, maxNodes);
        LoggingLevel requestLogLevel = Choices.of("logLevel", logLevel, LoggingLevel.class);
        ProxySettings proxy = ProxyCheck.of(proxyEnabled, proxyAuthScheme, proxyUser, proxyPassword, proxySslType, proxyHost, proxyPort);
        AccountCredentials account = AccountCredentials.of(accountSid, authToken, apiKeySid, apiKeySecret, TwilioEnvironment.system());
        ClientSettings settings = new ClientSettings(TransportCheck.baseUrl(baseUrl), account.accountSid(), account.credentials(),
                TransportCheck.timeout("connectTimeout", connectTimeout), TransportCheck.timeout("responseTimeout", responseTimeout),
                proxy, sslContext());
        NodeThrottle throttle = new NodeThrottle(identity.name(), new ThrottleSettings(transactionsPerSecond, throttleQueueSize));
        client = new TwilioClient(settings, mapper, throttle::writing);
        MeterRegistryLookup meters = new MeterRegistryLookup(getCamelContext());
        RequestMetrics metrics = new RequestMetrics(identity.name(), meters, throttle);
        throttle.onWait(metrics::throttleWait);
        callPath = new CallPath(identity.name(), new RequestLogging(identity.name(), requestLogLevel).around(metrics.around(client::send)),
                throttle,
                new RetrySettings(retryMaxAttempts, Duration.ofMillis(retryInitialDelay), Duration.ofMillis(retryMaxDelay),
                        Duration.ofMillis(retryMaxElapsedTime), Duration.ofMillis(retryAfterCap)),
                new BreakerSettings(circuitBreakerFailureRateThreshold, circuitBreakerSlidingWindowSize,
                        circuitBreakerMinimumNumberOfCalls, Duration.ofMillis(circuitBreakerWaitDurationInOpenState),
                        circuitBreakerPermittedCallsInHalfOpenState));
        capacity = new ConnectionCapacity(transactionsPerSecond, nodes);
        CircuitBreakerMetrics breakerMetrics = new CircuitBreakerMetrics(identity.name(), meters);
        runner = new OperationRunner(account.accountSid(), breakerMetrics.around(callPath.breaker(), callPath), mapper);
        healthCheck = new ConnectionHealthCheck(identity, capacity, account.accountSid(), settings.baseUrl(),
                () -> callPath);
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        breakerHealthCheck = new CircuitBreakerHealthCheck(identity.name(), () -> callPath);
        if (health != null) {
            health.register(healthCheck);
            health.register(breakerHealthCheck);
        }
    }

    private SSLContext sslContext() throws Exception {
        SSLContextParameters parameters = sslContextParameters != null ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
        return parameters == null ? null : parameters.createSSLContext(getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null && healthCheck != null) {
            health.unregister(healthCheck);
        }
        if (health != null && breakerHealthCheck != null) {
            health.unregister(breakerHealthCheck);
        }
        breakerHealthCheck = null;
        healthCheck = null;
        IOHelper.close(client);
        client = null;
        callPath = null;
        capacity = null;
        runner = null;
        super.doStop();
    }

    OperationRunner runner() {
        return runner;
    }

    /** The connection's throttle, retry and circuit breaker, to observe them; null while the component is stopped. */
    public CallPath callPath() {
        return callPath;
    }

    /** The connection's nodes and what they may send together; null while the component is stopped. */
    public ConnectionCapacity capacity() {
        return capacity;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public IdempotentRepository getWebhookIdempotentRepository() {
        return webhookIdempotentRepository;
    }

    public void setWebhookIdempotentRepository(IdempotentRepository webhookIdempotentRepository) {
        this.webhookIdempotentRepository = webhookIdempotentRepository;
    }

    public String getAccountSid() {
        return accountSid;
    }

    public void setAccountSid(String accountSid) {
        this.accountSid = accountSid;
    }

    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getApiKeySid() {
        return apiKeySid;
    }

    public void setApiKeySid(String apiKeySid) {
        this.apiKeySid = apiKeySid;
    }

    public String getApiKeySecret() {
        return apiKeySecret;
    }

    public void setApiKeySecret(String apiKeySecret) {
        this.apiKeySecret = apiKeySecret;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getConnectionName() {
        return connectionName;
    }

    public void setConnectionName(String connectionName) {
        this.connectionName = connectionName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getLogLevel() {
        return logLevel;
    }

    public void setLogLevel(String logLevel) {
        this.logLevel = logLevel;
    }

    public int getMinNodes() {
        return minNodes;
    }

    public void setMinNodes(int minNodes) {
        this.minNodes = minNodes;
    }

    public int getMaxNodes() {
        return maxNodes;
    }

    public void setMaxNodes(int maxNodes) {
        this.maxNodes = maxNodes;
    }

    public boolean isProxyEnabled() {
        return proxyEnabled;
    }

    public void setProxyEnabled(boolean proxyEnabled) {
        this.proxyEnabled = proxyEnabled;
    }

    public String getProxyAuthScheme() {
        return proxyAuthScheme;
    }

    public void setProxyAuthScheme(String proxyAuthScheme) {
        this.proxyAuthScheme = proxyAuthScheme;
    }

    public String getProxyUser() {
        return proxyUser;
    }

    public void setProxyUser(String proxyUser) {
        this.proxyUser = proxyUser;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getProxySslType() {
        return proxySslType;
    }

    public void setProxySslType(String proxySslType) {
        this.proxySslType = proxySslType;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public int getTransactionsPerSecond() {
        return transactionsPerSecond;
    }

    public void setTransactionsPerSecond(int transactionsPerSecond) {
        this.transactionsPerSecond = transactionsPerSecond;
    }

    public int getThrottleQueueSize() {
        return throttleQueueSize;
    }

    public void setThrottleQueueSize(int throttleQueueSize) {
        this.throttleQueueSize = throttleQueueSize;
    }

    public int getRetryMaxAttempts() {
        return retryMaxAttempts;
    }

    public void setRetryMaxAttempts(int retryMaxAttempts) {
        this.retryMaxAttempts = retryMaxAttempts;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetryMaxElapsedTime() {
        return retryMaxElapsedTime;
    }

    public void setRetryMaxElapsedTime(long retryMaxElapsedTime) {
        this.retryMaxElapsedTime = retryMaxElapsedTime;
    }

    public long getRetryAfterCap() {
        return retryAfterCap;
    }

    public void setRetryAfterCap(long retryAfterCap) {
        this.retryAfterCap = retryAfterCap;
    }

    public int getCircuitBreakerFailureRateThreshold() {
        return circuitBreakerFailureRateThreshold;
    }

    public void setCircuitBreakerFailureRateThreshold(int circuitBreakerFailureRateThreshold) {
        this.circuitBreakerFailureRateThreshold = circuitBreakerFailureRateThreshold;
    }

    public int getCircuitBreakerSlidingWindowSize() {
        return circuitBreakerSlidingWindowSize;
    }

    public void setCircuitBreakerSlidingWindowSize(int circuitBreakerSlidingWindowSize) {
        this.circuitBreakerSlidingWindowSize = circuitBreakerSlidingWindowSize;
    }

    public int getCircuitBreakerMinimumNumberOfCalls() {
        return circuitBreakerMinimumNumberOfCalls;
    }

    public void setCircuitBreakerMinimumNumberOfCalls(int circuitBreakerMinimumNumberOfCalls) {
        this.circuitBreakerMinimumNumberOfCalls = circuitBreakerMinimumNumberOfCalls;
    }

    public long getCircuitBreakerWaitDurationInOpenState() {
        return circuitBreakerWaitDurationInOpenState;
    }

    public void setCircuitBreakerWaitDurationInOpenState(long circuitBreakerWaitDurationInOpenState) {
        this.circuitBreakerWaitDurationInOpenState = circuitBreakerWaitDurationInOpenState;
    }

    public int getCircuitBreakerPermittedCallsInHalfOpenState() {
        return circuitBreakerPermittedCallsInHalfOpenState;
    }

    public void setCircuitBreakerPermittedCallsInHalfOpenState(int circuitBreakerPermittedCallsInHalfOpenState) {
        this.circuitBreakerPermittedCallsInHalfOpenState = circuitBreakerPermittedCallsInHalfOpenState;
    }
}
