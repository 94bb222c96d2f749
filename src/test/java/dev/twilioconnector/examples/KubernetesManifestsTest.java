package dev.twilioconnector.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests of {@code examples/kubernetes} and {@code examples/camel-k} hold what a connection of 2 to 50 nodes
 * needs: read from their files, no cluster needed.
 */
class KubernetesManifestsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));
    private static final Path MANIFEST = EXAMPLES.resolve("kubernetes/twilio-connector.yaml");
    private static final String SECRET = "twilio-connector-credentials";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<JsonNode> resources = read(MANIFEST);

    @Test
    void everyManifestOfTheExamplesParses() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            List<Path> manifests = files.filter(file -> file.toString().endsWith(".yaml")).toList();
            assertThat(manifests).isNotEmpty();
            assertThat(manifests).allSatisfy(file -> assertThat(read(file)).isNotEmpty()
                    .allSatisfy(resource -> assertThat(resource.path("kind").asText()).as(file.toString()).isNotBlank()));
        }
    }

    @Test
    void theDeploymentRunsTwoNodesWithProbesAndNoStateOnAVolume() {
        JsonNode deployment = one("Deployment");
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode runner = pod.path("containers").get(0);
        assertThat(runner.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/observe/health/ready");
        assertThat(runner.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/observe/health/live");
        assertThat(kinds()).doesNotContain("PersistentVolumeClaim", "HorizontalPodAutoscaler");
        assertThat(pod.path("volumes").findValues("persistentVolumeClaim")).isEmpty();
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo(one("ServiceAccount").path("metadata").path("name").asText());
    }

    @Test
    void theNodesElectLeadersAmongThePodsOfTheDeployment() {
        Map<String, String> env = plainEnv();
        assertThat(env).containsEntry("CAMEL_CLUSTER_KUBERNETES_ENABLED", "true");
        Map<String, String> clusterLabels = new LinkedHashMap<>();
        for (String pair : env.get("CAMEL_CLUSTER_KUBERNETES_CLUSTER_LABELS").split(",")) {
            String[] keyValue = pair.split("=", 2);
            clusterLabels.put(keyValue[0].trim(), keyValue[1].trim());
        }
        JsonNode spec = one("Deployment").path("spec");
        Map<String, String> podLabels = strings(spec.path("template").path("metadata").path("labels"));
        assertThat(clusterLabels).isEqualTo(podLabels);
        assertThat(strings(spec.path("selector").path("matchLabels"))).isEqualTo(podLabels);
        assertThat(strings(one("Service").path("spec").path("selector"))).isEqualTo(podLabels);
        assertThat(strings(one("PodDisruptionBudget").path("spec").path("selector").path("matchLabels"))).isEqualTo(podLabels);

        JsonNode runner = spec.path("template").path("spec").path("containers").get(0);
        JsonNode namespace = variable(runner, "CAMEL_CLUSTER_KUBERNETES_NAMESPACE");
        assertThat(namespace.path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("metadata.namespace");
        // the pod's name comes from HOSTNAME, which Kubernetes sets to it
        assertThat(env).doesNotContainKey("CAMEL_CLUSTER_KUBERNETES_POD_NAME");
        long lease = Long.parseLong(env.get("CAMEL_CLUSTER_KUBERNETES_LEASE_DURATION_MILLIS"));
        long renew = Long.parseLong(env.get("CAMEL_CLUSTER_KUBERNETES_RENEW_DEADLINE_MILLIS"));
        long retry = Long.parseLong(env.get("CAMEL_CLUSTER_KUBERNETES_RETRY_PERIOD_MILLIS"));
        // as Camel's KubernetesClusterService requires (its jitter factor is 1.2 by default)
        assertThat(lease).isGreaterThan(renew);
        assertThat(renew).isGreaterThan((long) (1.2 * retry));
    }

    @Test
    void theServiceAccountMayKeepLeasesAndSeeThePods() {
        JsonNode rules = one("Role").path("rules");
        assertThat(rule(rules, "coordination.k8s.io", "leases"))
                .containsExactlyInAnyOrder("get", "list", "watch", "create", "update", "patch");
        assertThat(rule(rules, "", "pods")).containsExactlyInAnyOrder("get", "list", "watch");

        JsonNode binding = one("RoleBinding");
        assertThat(binding.path("roleRef").path("kind").asText()).isEqualTo("Role");
        assertThat(binding.path("roleRef").path("name").asText()).isEqualTo(one("Role").path("metadata").path("name").asText());
        JsonNode subject = binding.path("subjects").get(0);
        assertThat(subject.path("kind").asText()).isEqualTo("ServiceAccount");
        assertThat(subject.path("name").asText()).isEqualTo(one("Deployment").path("spec").path("template").path("spec")
                .path("serviceAccountName").asText());
    }

    @Test
    void kedaScalesFromTwoToFiftyNodesOnTheThrottleWaitOfThisConnection() {
        JsonNode scaler = one("ScaledObject").path("spec");
        assertThat(scaler.path("scaleTargetRef").path("name").asText()).isEqualTo(one("Deployment").path("metadata").path("name").asText());
        assertThat(scaler.path("minReplicaCount").asInt()).isEqualTo(2);
        assertThat(scaler.path("maxReplicaCount").asInt()).isEqualTo(50);
        JsonNode trigger = scaler.path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("prometheus");
        // the meter twilio.connector.throttle.wait that the component records, as the runner's /observe/metrics names it
        assertThat(trigger.path("metadata").path("query").asText()).isEqualTo("sum(rate(twilio_connector_throttle_wait_seconds_sum"
                + "{connection=\"" + plainEnv().get("TWILIO_CONNECTION_NAME") + "\"}[2m]))");
        assertThat(Double.parseDouble(trigger.path("metadata").path("threshold").asText())).isPositive();
        assertThat(one("PodDisruptionBudget").path("spec").path("minAvailable").asInt()).isEqualTo(1);
    }

    @Test
    void everySecretTheRunnerReadsIsOneTheDocumentedCommandCreates() throws IOException {
        JsonNode runner = one("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, String> keys = new LinkedHashMap<>();
        for (JsonNode variable : runner.path("env")) {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            if (!secret.isMissingNode()) {
                assertThat(secret.path("name").asText()).as(variable.path("name").asText()).isEqualTo(SECRET);
                keys.put(variable.path("name").asText(), secret.path("key").asText());
            }
        }
        assertThat(keys).containsOnlyKeys("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_STATE_JDBC_URL",
                "TWILIO_STATE_USERNAME", "TWILIO_STATE_PASSWORD");
        Set<String> inManifest = documentedSecretKeys(Files.readString(MANIFEST), SECRET);
        Set<String> inReadme = documentedSecretKeys(Files.readString(EXAMPLES.resolve("README.md")), SECRET);
        assertThat(inManifest).isEqualTo(inReadme).containsExactlyInAnyOrderElementsOf(keys.values());
    }

    @Test
    void theCamelKPipeRunsTwoReplicasWithLeaderElectionAndSharedState() {
        JsonNode pipe = read(EXAMPLES.resolve("camel-k/inbound-sms-to-http.pipe.yaml")).get(0);
        assertThat(pipe.path("kind").asText()).isEqualTo("Pipe");
        assertThat(pipe.path("spec").path("replicas").asInt()).isEqualTo(2);
        Map<String, String> traits = strings(pipe.path("metadata").path("annotations"));
        assertThat(traits).containsEntry("trait.camel.apache.org/master.enabled", "true")
                .containsEntry("trait.camel.apache.org/master.resource-type", "Lease");
        assertThat(traits).doesNotContainKey("trait.camel.apache.org/mount.volumes");
    }

    @Test
    void eachCamelKPipeMountsOnlyTheSecretItsCommentCreatesWithEveryKeyItReads() throws IOException {
        List<Path> pipes;
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("camel-k"))) {
            pipes = files.filter(file -> file.toString().endsWith(".pipe.yaml")).sorted().toList();
        }
        assertThat(pipes).hasSize(2);
        for (Path file : pipes) {
            Map<String, String> traits = strings(read(file).get(0).path("metadata").path("annotations"));
            assertThat(traits).as(file + ": mounts no volume or resource").doesNotContainKeys(
                    "trait.camel.apache.org/mount.volumes", "trait.camel.apache.org/mount.resources");
            String mounted = traits.get("trait.camel.apache.org/mount.configs");
            assertThat(mounted).as(file + ": the mounted config").matches("secret:[a-z0-9-]+");
            String secret = mounted.substring("secret:".length());
            String text = Files.readString(file);
            Set<String> read = new LinkedHashSet<>();
            Matcher placeholder = Pattern.compile("\\{\\{([A-Za-z0-9._-]+)}}").matcher(text);
            while (placeholder.find()) {
                read.add(placeholder.group(1));
            }
            assertThat(read).as(file + ": the Kamelet's credentials come from the Secret").contains("twilio.account-sid",
                    "twilio.auth-token");
            assertThat(documentedSecretKeys(text, secret)).as(file + ": the keys of the Secret it mounts").containsAll(read);
        }
    }

    /** The keys of {@code kubectl create secret generic <secret> --from-literal=<key>=...}. */
    private static Set<String> documentedSecretKeys(String text, String secret) {
        Matcher command = Pattern.compile("kubectl create secret generic " + secret + "((?:[^\\n]*\\\\\\n)*[^\\n]*)").matcher(text);
        assertThat(command.find()).as("the command that creates " + secret).isTrue();
        Set<String> keys = new LinkedHashSet<>();
        Matcher literal = Pattern.compile("--from-literal=([A-Za-z0-9._-]+)=").matcher(command.group(1));
        while (literal.find()) {
            keys.add(literal.group(1));
        }
        return keys;
    }

    private static Set<String> rule(JsonNode rules, String apiGroup, String resource) {
        Set<String> verbs = new LinkedHashSet<>();
        for (JsonNode rule : rules) {
            if (texts(rule.path("apiGroups")).contains(apiGroup) && texts(rule.path("resources")).contains(resource)) {
                verbs.addAll(texts(rule.path("verbs")));
            }
        }
        return verbs;
    }

    private Map<String, String> plainEnv() {
        JsonNode runner = one("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, String> env = new LinkedHashMap<>();
        runner.path("env").forEach(variable -> {
            if (variable.has("value")) {
                env.put(variable.path("name").asText(), variable.path("value").asText());
            }
        });
        return env;
    }

    private static JsonNode variable(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no variable " + name);
    }

    private JsonNode one(String kind) {
        List<JsonNode> found = resources.stream().filter(resource -> resource.path("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind + " in " + MANIFEST).hasSize(1);
        return found.get(0);
    }

    private List<String> kinds() {
        return resources.stream().map(resource -> resource.path("kind").asText()).toList();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** Every document of a multi-document YAML file. */
    private static List<JsonNode> read(Path file) {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                if (document instanceof ObjectNode) {
                    documents.add(document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
