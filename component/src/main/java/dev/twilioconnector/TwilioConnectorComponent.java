package dev.twilioconnector;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.client.ClientSettings;
import dev.twilioconnector.client.Credentials;
import dev.twilioconnector.client.TwilioClient;
import dev.twilioconnector.operation.OperationRunner;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.IOHelper;

import java.time.Duration;
import java.util.Map;

/**
 * One connection to Twilio: the account, its credentials and where Twilio is. Every endpoint of
 * the component shares its one HTTP client, so whatever limits the connection limits them all.
 */
@Component("twilio-connector")
public class TwilioConnectorComponent extends DefaultComponent {

    static final String DEFAULT_BASE_URL = "https://api.twilio.com";

    @Metadata(label = "security", description = "The Account SID (AC...) whose resources the connection reaches.")
    private String accountSid;

    @Metadata(label = "security", secret = true,
              description = "The Auth Token of the account. Give it, or an API Key SID and secret.")
    private String authToken;

    @Metadata(label = "security", description = "An API Key SID (SK...) to authenticate with instead of the Auth Token.")
    private String apiKeySid;

    @Metadata(label = "security", secret = true, description = "The secret of the API Key.")
    private String apiKeySecret;

    @Metadata(defaultValue = DEFAULT_BASE_URL,
              description = "Where Twilio's REST API is: https://api.twilio.com, a private endpoint, or the sandbox.")
    private String baseUrl = DEFAULT_BASE_URL;

    @Metadata(label = "advanced", defaultValue = "10000", description = "Milliseconds to wait for a connection to Twilio.")
    private int connectTimeout = 10_000;

    @Metadata(label = "advanced", defaultValue = "30000", description = "Milliseconds to wait for Twilio's answer.")
    private int responseTimeout = 30_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private TwilioClient client;
    private OperationRunner runner;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
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
        ClientSettings settings = new ClientSettings(baseUrl, accountSid, credentials(),
                Duration.ofMillis(connectTimeout), Duration.ofMillis(responseTimeout));
        client = new TwilioClient(settings, mapper);
        runner = new OperationRunner(accountSid, client::send, mapper);
    }

    private Credentials credentials() {
        if (accountSid == null || accountSid.isBlank()) {
            throw new IllegalArgumentException("Setting accountSid is missing: set camel.component.twilio-connector.account-sid");
        }
        boolean hasKey = apiKeySid != null && !apiKeySid.isBlank();
        if (hasKey) {
            if (apiKeySecret == null || apiKeySecret.isBlank()) {
                throw new IllegalArgumentException("Setting apiKeySecret is missing: apiKeySid is set, so its secret is needed");
            }
            return new Credentials(apiKeySid, apiKeySecret);
        }
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("Setting authToken is missing: set camel.component.twilio-connector.auth-token,"
                    + " or apiKeySid and apiKeySecret");
        }
        return new Credentials(accountSid, authToken);
    }

    @Override
    protected void doStop() throws Exception {
        IOHelper.close(client);
        client = null;
        runner = null;
        super.doStop();
    }

    OperationRunner runner() {
        return runner;
    }

    ObjectMapper mapper() {
        return mapper;
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
}
