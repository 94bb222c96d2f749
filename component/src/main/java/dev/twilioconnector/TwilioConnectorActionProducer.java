package dev.twilioconnector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.twilioconnector.action.Action;
import dev.twilioconnector.action.ActionInput;
import dev.twilioconnector.action.ActionInputs;
import dev.twilioconnector.action.ActionRunner;
import dev.twilioconnector.action.ContentDownload;
import dev.twilioconnector.action.StatusWait;
import dev.twilioconnector.client.TwilioDownload;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.operation.DownloadRunner;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.StreamCachingStrategy;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the endpoint's action with the exchange's inputs and puts the record it returns in the body, or, for an action
 * that downloads content, the content as a stream.
 */
public class TwilioConnectorActionProducer extends DefaultProducer {

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Action action;
    private final StatusWait wait;
    private final ActionInputs inputs;
    private ActionRunner runner;
    private DownloadRunner downloads;

    public TwilioConnectorActionProducer(TwilioConnectorActionEndpoint endpoint, Action action, StatusWait wait) {
        super(endpoint);
        this.action = action;
        this.wait = wait;
        this.inputs = new ActionInputs(endpoint.getComponent().mapper());
    }

    /** The connection's runner exists once the component started, which it has before its producers start. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        runner = new ActionRunner(getEndpoint().runner());
        downloads = getEndpoint().getComponent().connection().downloads();
        if (action.download() != null) {
            leaveUncached(getEndpoint().getCamelContext().getStreamCachingStrategy());
        }
    }

    /**
     * Camel's stream caching, on by default, would copy a download whole into memory before the route's next step:
     * an hour of audio, or a heap's worth. A download is read once, as it arrives, so it is kept out of the cache.
     */
    private static void leaveUncached(StreamCachingStrategy caching) {
        synchronized (caching) {
            Collection<Class<?>> denied = caching.getDenyClasses();
            if (denied == null || !denied.contains(TwilioDownload.class)) {
                List<Class<?>> classes = new ArrayList<>(denied == null ? List.of() : denied);
                classes.add(TwilioDownload.class);
                caching.setDenyClasses(classes.toArray(Class<?>[]::new));
            }
        }
    }

    @Override
    public TwilioConnectorActionEndpoint getEndpoint() {
        return (TwilioConnectorActionEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> checked = inputs.check(action, body(message), headers(message));
        if (action.download() != null) {
            download(exchange, checked);
            return;
        }
        Map<String, Object> output = runner.run(action, checked, wait);
        message.setBody(output);
        action.output().idField().ifPresent(idField -> message.setHeader(TwilioConnectorConstants.SID, output.get(idField)));
        if (action.watch() != null) {
            message.setHeader(TwilioConnectorConstants.STATUS, output.get(action.watch().field()));
        }
    }

    /**
     * The content as the body, an InputStream of it as it arrives. Whatever takes the body closes it (Camel's file,
     * http or aws2-s3 producers do once they have written it); what is still open when the exchange completes is
     * closed then, so that its connection goes back to the pool.
     */
    private void download(Exchange exchange, Map<String, Object> checked) {
        ContentDownload content = action.download();
        TwilioDownload download = content.open(downloads, checked);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                IOHelper.close(download);
            }
        });
        Message message = exchange.getMessage();
        message.setBody(download);
        message.setHeader(TwilioConnectorConstants.SID, content.sid(checked));
        message.setHeader(TwilioConnectorConstants.CONTENT_TYPE, download.contentType());
        message.setHeader(Exchange.CONTENT_TYPE, download.contentType());
        if (download.contentLength() >= 0) {
            message.setHeader(TwilioConnectorConstants.CONTENT_LENGTH, download.contentLength());
        }
    }

    private Map<String, Object> headers(Message message) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (ActionInput input : action.inputs()) {
            Object value = message.getHeader(input.header());
            if (value != null) {
                given.put(input.name(), value);
            }
        }
        return given;
    }

    /** The body's inputs: a Map, JSON text of an object, or nothing when all come from headers. */
    private Map<String, Object> body(Message message) {
        Object body = message.getBody();
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> given = new LinkedHashMap<>();
            map.forEach((key, value) -> given.put(String.valueOf(key), value));
            return given;
        }
        String text = body == null ? null : body instanceof String s ? s : message.getBody(String.class);
        if (text == null && body != null) {
            throw new TwilioConnectorInputException("The body of action " + action.name() + " must be a JSON object or a"
                    + " Map of its inputs (" + action.inputNames() + "), not " + body.getClass().getName());
        }
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return getEndpoint().getComponent().mapper().readValue(text, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new TwilioConnectorInputException("The body of action " + action.name() + " is not a JSON object of its"
                    + " inputs (" + action.inputNames() + "): " + e.getOriginalMessage());
        }
    }
}
