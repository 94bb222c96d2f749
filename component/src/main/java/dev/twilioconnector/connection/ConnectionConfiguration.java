package dev.twilioconnector.connection;

import dev.twilioconnector.resilience.BreakerSettings;
import dev.twilioconnector.resilience.RetrySettings;
import dev.twilioconnector.resilience.ThrottleSettings;
import dev.twilioconnector.settings.ConnectionIdentity;
import dev.twilioconnector.settings.NodeRange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of one connection to Twilio, the component's options: where Twilio is, the account and its
 * credentials, the proxy and TLS, the throttle, retries and circuit breaker, and what the connection is called.
 * The component holds one and starts its {@link TwilioConnection} from a copy, so a setter called on a running
 * component changes nothing until the component starts again.
 */
@UriParams
public class ConnectionConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.twilio.com";

    @UriParam(label = "security", description = "The Account SID (AC and 32 hexadecimal digits) whose resources the connection reaches;"
            + " the environment variable TWILIO_ACCOUNT_SID when not set. With none set anywhere, the runner starts the"
            + " embedded sandbox.")
    private String accountSid;

    @UriParam(label = "security", secret = true,
              description = "The Auth Token of the account; TWILIO_AUTH_TOKEN when not set. Give it, or an API Key SID and"
                      + " secret.")
    private String authToken;

    @UriParam(label = "security", description = "An API Key SID (SK and 32 hexadecimal digits) to authenticate with instead of the Auth"
            + " Token; TWILIO_API_KEY when not set.")
    private String apiKeySid;

    @UriParam(label = "security", secret = true, description = "The secret of the API Key; TWILIO_API_SECRET when not set.")
    private String apiKeySecret;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "Where Twilio's REST API is: https://api.twilio.com, a private endpoint, or the sandbox.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(description = "Where each other Twilio product is: a map from the product's key (verify, conversations,"
            + " lookups, ...; see docs/entities/README.md) to its base URL, a private endpoint, the sandbox or a mock,"
            + " whose path prefix the product's paths are appended to. A product not in it is at Twilio's own host for"
            + " it (https://verify.twilio.com); the key api is baseUrl.")
    private Map<String, String> baseUrls = new LinkedHashMap<>();

    @UriParam(description = "Twilio's region for every product left at Twilio's own host (au1, ie1, jp1, us1, ...),"
            + " as in Twilio's libraries: https://verify.twilio.com becomes https://verify.ie1.twilio.com.")
    private String region;

    @UriParam(description = "Twilio's edge location for every product left at Twilio's own host (sydney, dublin,"
            + " tokyo, ...), as in Twilio's libraries: with edge dublin, https://verify.twilio.com becomes"
            + " https://verify.dublin.us1.twilio.com, region us1 unless set.")
    private String edge;

    @UriParam(label = "advanced", defaultValue = "10000", description = "Milliseconds to wait for a connection to Twilio.")
    private int connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30000", description = "Milliseconds to wait for Twilio's answer.")
    private int responseTimeout = 30_000;

    @UriParam(label = "connection", defaultValue = ConnectionIdentity.DEFAULT_NAME,
              description = "The connection's name: lowercase letters, digits and hyphens, starting with a letter and"
                      + " ending with a letter or digit, at most 49 characters. Tags its health check, metrics and logs.")
    private String connectionName = ConnectionIdentity.DEFAULT_NAME;

    @UriParam(label = "connection", description = "What the connection is for, at most 1000 characters.")
    private String description;

    @UriParam(label = "connection",
              description = "Labels of the connection as key=value pairs separated by commas, e.g. team=messaging,env=prod:"
                      + " keys start with a lowercase letter; keys and values hold lowercase letters, digits, '_' and '-'.")
    private String labels;

    @UriParam(label = "connection", description = "A label of where the connection runs, e.g. europe-west1.")
    private String location;

    @UriParam(label = "connection", defaultValue = "ERROR", enums = "TRACE,DEBUG,INFO,WARN,ERROR,OFF",
              description = "The connector's own request log, logger dev.twilioconnector.requests: INFO writes one line per"
                      + " Twilio request (entity, operation, HTTP status, Twilio request id, duration); ERROR writes"
                      + " failures only; OFF nothing. Outside the runner, let that logger through in your logging backend.")
    private String logLevel = "ERROR";

    @UriParam(label = "connection", defaultValue = "2", description = "The fewest nodes serving the connection, at least 1.")
    private int minNodes = NodeRange.DEFAULT_MIN;

    @UriParam(label = "connection", defaultValue = "50", description = "The most nodes serving the connection, at least minNodes.")
    private int maxNodes = NodeRange.DEFAULT_MAX;

    @UriParam(label = "proxy", defaultValue = "false", description = "Whether requests to Twilio go through a forward proxy.")
    private boolean proxyEnabled;

    @UriParam(label = "proxy", defaultValue = "NONE", enums = "NONE,BASIC,DIGEST",
              description = "How to authenticate to the proxy: NONE, BASIC or DIGEST.")
    private String proxyAuthScheme = "NONE";

    @UriParam(label = "proxy", description = "The user name for the proxy.")
    private String proxyUser;

    @UriParam(label = "proxy", secret = true, description = "The password for the proxy.")
    private String proxyPassword;

    @UriParam(label = "proxy", defaultValue = "AUTO", enums = "AUTO,ALWAYS,NEVER,TUNNEL",
              description = "How requests travel through the proxy: AUTO (HTTPS targets through a CONNECT tunnel, HTTP"
                      + " targets forwarded in the clear), ALWAYS (TLS to the proxy), NEVER (no TLS to the proxy, no tunnel),"
                      + " TUNNEL (always a CONNECT tunnel).")
    private String proxySslType = "AUTO";

    @UriParam(label = "proxy", description = "The proxy's host name.")
    private String proxyHost;

    @UriParam(label = "proxy", defaultValue = "0", description = "The proxy's port, 1..65535; needed when proxyEnabled.")
    private int proxyPort;

    @UriParam(label = "security", description = "Whom to trust over TLS (trust store, key store, protocols), as Camel's"
            + " SSLContextParameters; the JVM's default trust when not set.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "security", defaultValue = "false", description = "Whether to use Camel's global SSLContextParameters.")
    private boolean useGlobalSslContextParameters;

    @UriParam(defaultValue = "25", description = "The most requests per second this node sends to Twilio on this connection,"
            + " every request counted: each page of a List, each record of a filterClause Update or Delete, each retry."
            + " Each node enforces its own limit, so N nodes send up to N times as many.")
    private int transactionsPerSecond = ThrottleSettings.DEFAULT_TRANSACTIONS_PER_SECOND;

    @UriParam(defaultValue = "100", description = "How many requests may wait for their turn at the node throttle;"
            + " beyond that a request fails at once with TwilioConnectorThrottledException.")
    private int throttleQueueSize = ThrottleSettings.DEFAULT_QUEUE_SIZE;

    @UriParam(label = "advanced", defaultValue = "4", description = "Attempts in all, the first included, for a request"
            + " that may be retried: a GET or DELETE that met 429, 500, 502, 503, 504 or an I/O error, or a POST that"
            + " provably never reached Twilio or that Twilio turned away with 429. 1 turns retries off.")
    private int retryMaxAttempts = RetrySettings.DEFAULT_MAX_ATTEMPTS;

    @UriParam(label = "advanced", defaultValue = "500", description = "Milliseconds of backoff before the first retry,"
            + " doubled for each further one; the wait is a random time up to the backoff (full jitter).")
    private long retryInitialDelay = RetrySettings.DEFAULT_INITIAL_DELAY_MILLIS;

    @UriParam(label = "advanced", defaultValue = "10000", description = "The most milliseconds a backoff grows to.")
    private long retryMaxDelay = RetrySettings.DEFAULT_MAX_DELAY_MILLIS;

    @UriParam(label = "advanced", defaultValue = "30000", description = "Milliseconds from a request's first attempt"
            + " after which no retry starts: a retry whose wait would end later is not made.")
    private long retryMaxElapsedTime = RetrySettings.DEFAULT_MAX_ELAPSED_MILLIS;

    @UriParam(label = "advanced", defaultValue = "30000", description = "The longest wait, in milliseconds, that a"
            + " Retry-After header from Twilio may impose before a retry; a longer one is cut to this.")
    private long retryAfterCap = RetrySettings.DEFAULT_RETRY_AFTER_CAP_MILLIS;

    @UriParam(label = "advanced", defaultValue = "50", description = "The circuit breaker opens when this percentage of"
            + " the requests in its sliding window failed with 429, 5xx, an unreadable answer or an I/O error.")
    private int circuitBreakerFailureRateThreshold = BreakerSettings.DEFAULT_FAILURE_RATE_THRESHOLD;

    @UriParam(label = "advanced", defaultValue = "100", description = "How many of the latest requests the circuit"
            + " breaker's failure rate is taken over.")
    private int circuitBreakerSlidingWindowSize = BreakerSettings.DEFAULT_SLIDING_WINDOW_SIZE;

    @UriParam(label = "advanced", defaultValue = "100", description = "Requests the circuit breaker needs to have seen"
            + " before its failure rate can open it.")
    private int circuitBreakerMinimumNumberOfCalls = BreakerSettings.DEFAULT_MINIMUM_NUMBER_OF_CALLS;

    @UriParam(label = "advanced", defaultValue = "60000", description = "Milliseconds the circuit breaker stays open,"
            + " failing requests at once, before it lets probe requests through.")
    private long circuitBreakerWaitDurationInOpenState = BreakerSettings.DEFAULT_WAIT_DURATION_IN_OPEN_STATE_MILLIS;

    @UriParam(label = "advanced", defaultValue = "10", description = "Probe requests the half-open circuit breaker lets"
            + " through; their failure rate decides whether it closes or opens again.")
    private int circuitBreakerPermittedCallsInHalfOpenState = BreakerSettings.DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE;

    @UriParam(label = "consumer,advanced",
              description = "Where polling consumers that set neither their own stateRepository nor stateFile keep their"
                      + " cursors: a Camel StateRepository bean, e.g. #twilioState; on several nodes one that every node"
                      + " sees, such as dev.twilioconnector.state.JdbcStateRepository on PostgreSQL. Default: a file per"
                      + " route (see stateFile).")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer,advanced",
              description = "Where webhook consumers remember the I-Twilio-Idempotency-Token (with X-Twilio-Signature) of the"
                      + " requests they delivered: a Camel IdempotentRepository bean; on several nodes one that every node"
                      + " sees (e.g. camel-sql's JdbcMessageIdRepository), so that a retry reaching another node is not"
                      + " delivered again. Default: the memory of each webhook consumer, webhookReplayCacheSize requests.")
    private IdempotentRepository webhookIdempotentRepository;

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

    public Map<String, String> getBaseUrls() {
        return baseUrls;
    }

    public void setBaseUrls(Map<String, String> baseUrls) {
        this.baseUrls = baseUrls == null ? new LinkedHashMap<>() : new LinkedHashMap<>(baseUrls);
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getEdge() {
        return edge;
    }

    public void setEdge(String edge) {
        this.edge = edge;
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

    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

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

    public ConnectionConfiguration copy() {
        try {
            ConnectionConfiguration copy = (ConnectionConfiguration) clone();
            copy.baseUrls = new LinkedHashMap<>(baseUrls);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
