package dev.twilioconnector.sql;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML route asks Twilio a question in SQL through camel-sql's {@code sql:} component, with the application's own
 * twilio-connector component behind the DataSource (its connection, its throttle).
 */
class SqlRouteTest {

    private static final String ROUTE = """
            - route:
                from:
                  uri: direct:messagesByStatus
                  steps:
                    - to: "sql:SELECT Status, COUNT(*) AS N FROM Messages WHERE DateSent >= '2024-06-01' GROUP BY Status ORDER BY Status?dataSource=#twilio"
            """;

    private TwilioSandbox sandbox;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        sandbox = TwilioSandbox.start();
        camel = new DefaultCamelContext();
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.setAccountSid(sandbox.accountSid());
        component.setAuthToken(sandbox.authToken());
        component.setBaseUrl(sandbox.baseUrl());
        camel.addComponent("twilio-connector", component);
        camel.getRegistry().bind("twilio", new TwilioDataSource(camel));
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("report.yaml", ROUTE));
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        sandbox.close();
    }

    @Test
    void sqlComponentGroupsMessagesByStatus() {
        put("delivered", "2024-06-02T10:00:00Z");
        put("delivered", "2024-06-03T10:00:00Z");
        put("failed", "2024-06-04T10:00:00Z");
        put("failed", "2024-05-30T10:00:00Z");

        Object body = camel.createProducerTemplate().requestBody("direct:messagesByStatus", (Object) "");

        assertThat(body).isEqualTo(List.of(Map.of("Status", "delivered", "N", 2L), Map.of("Status", "failed", "N", 1L)));
        assertThat(sandbox.requests()).singleElement()
                .satisfies(request -> assertThat(request.queryParams()).containsEntry("DateSent>", List.of("2024-06-01")));
    }

    private void put(String status, String sent) {
        sandbox.put("Messages", Map.of("status", status, "date_sent", Instant.parse(sent)));
    }
}
