package dev.twilioconnector.support;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes API server for Camel's Kubernetes cluster service to elect leaders against: fabric8's mock server in
 * CRUD mode, new for each test, holding what the service reads (Running and Ready pods with the cluster labels) and
 * writes (Leases). Use as {@code @RegisterExtension final KubernetesApi kubernetes = new KubernetesApi();}; the
 * test's own {@code @AfterEach} runs before the server stops, so nodes stop while it still answers.
 */
public final class KubernetesApi implements BeforeEachCallback, AfterEachCallback {

    /** The mock server logs every request through java.util.logging at INFO; held so the level sticks. */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private KubernetesMockServer server;
    private KubernetesClient client;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.destroy();
    }

    /** What a cluster service's {@code masterUrl} is set to. */
    public String url() {
        return server.url("/");
    }

    /** A pod of a node, as the kubelet reports one that serves: phase Running, condition Ready. */
    public void runningAndReadyPod(String namespace, String name, Map<String, String> labels) {
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("runner").withImage("twilio-connector-runtime:0.1.0").endContainer().endSpec()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus()
                .build();
        client.pods().inNamespace(namespace).resource(pod).create();
    }

    /** As Kubernetes removes the pod of a node that is gone. */
    public void deletePod(String namespace, String name) {
        client.pods().inNamespace(namespace).withName(name).delete();
    }

    public List<Lease> leases(String namespace) {
        return client.leases().inNamespace(namespace).list().getItems();
    }
}
