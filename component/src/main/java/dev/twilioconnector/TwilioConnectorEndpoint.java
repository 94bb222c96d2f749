package dev.twilioconnector;

import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Reach Twilio's REST API as entities: List, Get, Create, Update and Delete records of Messages,
 * Calls, Recordings, IncomingPhoneNumbers and every other resource of the 2010-04-01 API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "twilio-connector", title = "Twilio Connector",
             syntax = "twilio-connector:entity/operation", producerOnly = true,
             category = { Category.CLOUD, Category.API, Category.MOBILE }, headersClass = TwilioConnectorConstants.class)
public class TwilioConnectorEndpoint extends DefaultEndpoint {

    @UriPath(description = "The entity: Messages, Calls, Recordings, IncomingPhoneNumbers, ... (see the README for all of them).")
    @Metadata(required = true)
    private String entity;

    @UriPath(description = "The operation on the entity.", enums = "List,Get,Create,Update,Delete")
    @Metadata(required = true)
    private String operation;

    @UriParam
    private TwilioConnectorConfiguration configuration;

    private Entity resolvedEntity;
    private Operation resolvedOperation;

    public TwilioConnectorEndpoint(String uri, TwilioConnectorComponent component, TwilioConnectorConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public TwilioConnectorComponent getComponent() {
        return (TwilioConnectorComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new TwilioConnectorProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("twilio-connector does not support consumers yet: " + getEndpointUri());
    }

    /** Resolves the entity and operation, so a route with a bad URI fails when it starts, before any request. */
    void resolve(String entityName, String operationLabel) {
        Operation op = Operation.fromLabel(operationLabel).orElseThrow(() -> new TwilioConnectorInputException(
                "Unknown operation '" + operationLabel + "'. Operations: List, Get, Create, Update, Delete"));
        this.resolvedEntity = Catalog.standard().require(entityName, op);
        this.resolvedOperation = op;
        this.entity = resolvedEntity.name();
        this.operation = op.label();
    }

    Entity resolvedEntity() {
        return resolvedEntity;
    }

    Operation resolvedOperation() {
        return resolvedOperation;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public TwilioConnectorConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TwilioConnectorConfiguration configuration) {
        this.configuration = configuration;
    }
}
