package dev.twilioconnector.support;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** camel-platform-http-vertx's server on loopback, where a test's webhook consumers take Twilio's callbacks. */
public final class WebhookServer {

    private WebhookServer() {
    }

    /** Adds the server, on 127.0.0.1 at {@code port}, to {@code camel} before it starts. */
    public static void addTo(CamelContext camel, int port) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(server));
    }
}
