package dev.twilioconnector.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.client.ClientSettings;
import dev.twilioconnector.client.ProductHosts;
import dev.twilioconnector.client.ProxySettings;
import dev.twilioconnector.client.TwilioClient;
import dev.twilioconnector.client.TwilioDownload;
import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.health.CircuitBreakerHealthCheck;
import dev.twilioconnector.health.ConnectionHealthCheck;
import dev.twilioconnector.operation.DownloadRunner;
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
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.IOHelper;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One running connection to Twilio, made from the component's options when the component starts: the HTTP client,
 * the node throttle, the call path (retry around circuit breaker around throttle around the client), the operation
 * runner every endpoint sends through, the connection's meters and its health checks. Every setting is checked
 * here, so a bad one stops the component from starting, before any request.
 */
public final class TwilioConnection extends ServiceSupport {

    private final ConnectionConfiguration options;
    private final CamelContext camel;
    private final ObjectMapper mapper;
    private ConnectionIdentity identity;
    private LoggingLevel requestLogLevel;
    private ClientSettings clientSettings;
    private TwilioClient client;
    private CallPath callPath;
    private OperationRunner runner;
    private DownloadRunner downloads;
    private ConnectionCapacity capacity;
    private List<HealthCheck> healthChecks = List.of();

    /** @param options a copy of the component's options, which the connection keeps as they are */
    public TwilioConnection(ConnectionConfiguration options, CamelContext camel, ObjectMapper mapper) {
        this.options = options;
        this.camel = camel;
        this.mapper = mapper;
    }

    @Override
    protected void doStart() throws Exception {
        identity = ConnectionIdentity.of(options.getConnectionName(), options.getDescription(),
                options.getLabels(), options.getLocation());
        NodeRange nodes = NodeRange.of(options.getMinNodes(), options.getMaxNodes());
        requestLogLevel = Choices.of("logLevel", options.getLogLevel(), LoggingLevel.class);
        AccountCredentials account = AccountCredentials.of(options.getAccountSid(), options.getAuthToken(),
                options.getApiKeySid(), options.getApiKeySecret(), TwilioEnvironment.system());
        ProductHosts hosts = hosts();
        clientSettings = new ClientSettings(hosts.url(ProductHosts.API, TwilioRequest.API_HOST), account.accountSid(),
                account.credentials(), TransportCheck.timeout("connectTimeout", options.getConnectTimeout()),
                TransportCheck.timeout("responseTimeout", options.getResponseTimeout()), proxy(), sslContext(), hosts);
        NodeThrottle throttle = new NodeThrottle(identity.name(),
                new ThrottleSettings(options.getTransactionsPerSecond(), options.getThrottleQueueSize()));
        client = new TwilioClient(clientSettings, mapper, throttle);
        MeterRegistryLookup meters = new MeterRegistryLookup(camel);
        RequestMetrics metrics = new RequestMetrics(identity.name(), meters, throttle);
        throttle.onWait(metrics::throttleWait);
        RequestLogging logging = new RequestLogging(identity.name(), requestLogLevel);
        callPath = new CallPath(identity.name(), logging.around(metrics.around(client::send)),
                throttle, retrySettings(), breakerSettings());
        capacity = new ConnectionCapacity(options.getTransactionsPerSecond(), nodes);
        CircuitBreakerMetrics breakerMetrics = new CircuitBreakerMetrics(identity.name(), meters);
        runner = new OperationRunner(account.accountSid(), breakerMetrics.around(callPath.breaker(), callPath), mapper);
        Function<TwilioRequest, TwilioDownload> download = logging.around(metrics.around(client::download));
        downloads = new DownloadRunner(account.accountSid(), breakerMetrics.around(callPath.breaker(),
                request -> callPath.open(request, download)));
        healthChecks = List.of(
                new ConnectionHealthCheck(identity, capacity, account.accountSid(), clientSettings.baseUrl(), () -> callPath),
                new CircuitBreakerHealthCheck(identity.name(), () -> callPath));
        HealthCheckRegistry health = HealthCheckRegistry.get(camel);
        if (health != null) {
            healthChecks.forEach(health::register);
        }
    }

    private ProductHosts hosts() {
        String baseUrl = TransportCheck.baseUrl(options.getBaseUrl());
        return new ProductHosts(TransportCheck.baseUrls(baseUrl, ConnectionConfiguration.DEFAULT_BASE_URL,
                options.getBaseUrls(), Catalog.standard().products()),
                TransportCheck.location("region", options.getRegion()), TransportCheck.location("edge", options.getEdge()));
    }

    private ProxySettings proxy() {
        return ProxyCheck.of(options.isProxyEnabled(), options.getProxyAuthScheme(), options.getProxyUser(),
                options.getProxyPassword(), options.getProxySslType(), options.getProxyHost(), options.getProxyPort());
    }

    private SSLContext sslContext() throws Exception {
        SSLContextParameters parameters = options.getSslContextParameters() != null ? options.getSslContextParameters()
                : options.isUseGlobalSslContextParameters() ? camel.getSSLContextParameters() : null;
        return parameters == null ? null : parameters.createSSLContext(camel);
    }

    private RetrySettings retrySettings() {
        return new RetrySettings(options.getRetryMaxAttempts(), Duration.ofMillis(options.getRetryInitialDelay()),
                Duration.ofMillis(options.getRetryMaxDelay()), Duration.ofMillis(options.getRetryMaxElapsedTime()),
                Duration.ofMillis(options.getRetryAfterCap()));
    }

    private BreakerSettings breakerSettings() {
        return new BreakerSettings(options.getCircuitBreakerFailureRateThreshold(),
                options.getCircuitBreakerSlidingWindowSize(), options.getCircuitBreakerMinimumNumberOfCalls(),
                Duration.ofMillis(options.getCircuitBreakerWaitDurationInOpenState()),
                options.getCircuitBreakerPermittedCallsInHalfOpenState());
    }

    @Override
    protected void doStop() throws Exception {
        HealthCheckRegistry health = HealthCheckRegistry.get(camel);
        if (health != null) {
            healthChecks.forEach(health::unregister);
        }
        healthChecks = List.of();
        IOHelper.close(client);
        client = null;
        clientSettings = null;
        identity = null;
        requestLogLevel = null;
        callPath = null;
        capacity = null;
        runner = null;
        downloads = null;
    }

    /** Every request of the connection's endpoints goes through it. */
    public OperationRunner runner() {
        return runner;
    }

    /** Every download of the connection's actions goes through it, behind the same call path as the runner. */
    public DownloadRunner downloads() {
        return downloads;
    }

    /** The throttle, retry and circuit breaker, to observe them. */
    public CallPath callPath() {
        return callPath;
    }

    /** The connection's nodes and what they may send together. */
    public ConnectionCapacity capacity() {
        return capacity;
    }

    /** The connection's name, description, labels and location, as checked. */
    public ConnectionIdentity identity() {
        return identity;
    }

    /** Where and how the client reaches Twilio: base URL, account, timeouts, proxy, TLS. */
    public ClientSettings clientSettings() {
        return clientSettings;
    }

    /** The level of the request log, logger dev.twilioconnector.requests. */
    public LoggingLevel requestLogLevel() {
        return requestLogLevel;
    }
}
