package dev.twilioconnector.action;

import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The component's own class path holds no SQL engine: the one of twilio-connector-sql is tested in that module. */
class ExecuteCustomQueryWithoutSqlTest extends SandboxTestSupport {

    @Test
    void aRouteThatQueriesFailsWhenItStartsNamingTheArtifactToAdd() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:report").id("report").to("twilio-connector:actions/ExecuteCustomQuery");
            }
        }))
                .isInstanceOf(FailedToStartRouteException.class)
                .rootCause()
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Action ExecuteCustomQuery runs SQL, which needs the artifact"
                        + " dev.twilioconnector:twilio-connector-sql (Apache Calcite) on the class path beside the"
                        + " component: add that dependency; nothing was sent to Twilio");
        assertThat(requests()).isEmpty();
    }
}
