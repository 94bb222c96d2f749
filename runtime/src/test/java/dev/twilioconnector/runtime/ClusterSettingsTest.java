package dev.twilioconnector.runtime;

import dev.twilioconnector.error.InvalidSettingException;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster service the runner binds from camel.cluster.*, and the settings that stop start-up, named. */
class ClusterSettingsTest {

    private DefaultCamelContext camel;
    private PropertiesComponent properties;

    @BeforeEach
    void createContext() {
        camel = new DefaultCamelContext();
        properties = camel.getPropertiesComponent();
    }

    @AfterEach
    void closeContext() throws Exception {
        camel.close();
    }

    @Test
    void noClusterSettingsMeanNoClusterService() {
        assertThat(ClusterSettings.from(properties, Map.of())).isEmpty();
    }

    @Test
    void theFileSettingsMakeAFileLockClusterService(@TempDir Path root) {
        properties.addInitialProperty("camel.cluster.file.enabled", "true");
        properties.addInitialProperty("camel.cluster.file.root", root.toString());
        properties.addInitialProperty("camel.cluster.file.id", "node-a");
        properties.addInitialProperty("camel.cluster.file.acquire-lock-interval", "2s");

        Optional<CamelClusterService> service = ClusterSettings.from(properties, Map.of());

        assertThat(service).get().isInstanceOfSatisfying(FileLockClusterService.class, file -> {
            assertThat(file.getId()).isEqualTo("node-a");
            assertThat(file.getRoot()).isEqualTo(root.toString());
            assertThat(file.getAcquireLockIntervalUnit().toMillis(file.getAcquireLockInterval())).isEqualTo(2000);
        });
    }

    @Test
    void theFileServiceIsNamedAfterHostAndProcessUnlessGivenAnIdAndTheEnvironmentWinsOverTheProperties(@TempDir Path root) {
        properties.addInitialProperty("camel.cluster.file.enabled", "true");
        properties.addInitialProperty("camel.cluster.file.root", "/nowhere");

        CamelClusterService service = ClusterSettings.from(properties, Map.of("CAMEL_CLUSTER_FILE_ROOT", root.toString()))
                .orElseThrow();

        assertThat(service.getId()).isEqualTo(ClusterSettings.hostAndPid()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(((FileLockClusterService) service).getRoot()).isEqualTo(root.toString());
    }

    @Test
    void theKubernetesSettingsMakeAKubernetesClusterServiceOnLeases() {
        properties.addInitialProperty("camel.cluster.kubernetes.enabled", "true");
        properties.addInitialProperty("camel.cluster.kubernetes.namespace", "messaging");
        properties.addInitialProperty("camel.cluster.kubernetes.cluster-labels", "app=twilio-connector,component=runner");
        properties.addInitialProperty("camel.cluster.kubernetes.lease-duration-millis", "15000");
        properties.addInitialProperty("camel.cluster.kubernetes.renew-deadline-millis", "10000");
        properties.addInitialProperty("camel.cluster.kubernetes.retry-period-millis", "2000");
        properties.addInitialProperty("camel.cluster.kubernetes.master-url", "https://127.0.0.1:6443");

        CamelClusterService service = ClusterSettings.from(properties, Map.of("HOSTNAME", "runner-7d9f-x2k4q")).orElseThrow();

        assertThat(service).isInstanceOfSatisfying(KubernetesClusterService.class, kubernetes -> {
            assertThat(kubernetes.getId()).isEqualTo("runner-7d9f-x2k4q");
            assertThat(kubernetes.getPodName()).isEqualTo("runner-7d9f-x2k4q");
            assertThat(kubernetes.getKubernetesNamespace()).isEqualTo("messaging");
            assertThat(kubernetes.getClusterLabels()).containsExactly(Map.entry("app", "twilio-connector"),
                    Map.entry("component", "runner"));
            assertThat(kubernetes.getLeaseDurationMillis()).isEqualTo(15000);
            assertThat(kubernetes.getRenewDeadlineMillis()).isEqualTo(10000);
            assertThat(kubernetes.getRetryPeriodMillis()).isEqualTo(2000);
            assertThat(kubernetes.getMasterUrl()).isEqualTo("https://127.0.0.1:6443");
        });
    }

    @Test
    void bothServicesEnabledStopStartUpNamingTheSetting() {
        properties.addInitialProperty("camel.cluster.file.enabled", "true");
        properties.addInitialProperty("camel.cluster.file.root", "/shared/cluster");
        properties.addInitialProperty("camel.cluster.kubernetes.enabled", "true");

        assertThatThrownBy(() -> ClusterSettings.from(properties, Map.of("HOSTNAME", "pod")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Setting camel.cluster.kubernetes.enabled is true while camel.cluster.file.enabled is true too:"
                        + " enable one cluster service, the file lock on one machine or Kubernetes Leases on a cluster");
    }

    @Test
    void aFileServiceWithoutARootStopsStartUpNamingTheSetting() {
        properties.addInitialProperty("camel.cluster.file.enabled", "true");

        assertThatThrownBy(() -> ClusterSettings.from(properties, Map.of())).isInstanceOf(InvalidSettingException.class)
                .hasMessage("Setting camel.cluster.file.root is missing while camel.cluster.file.enabled is true: give the"
                        + " folder all nodes share, where the lock files of the leaders are");
    }

    @Test
    void badNumbersAndFlagsStopStartUpNamingTheSetting() {
        properties.addInitialProperty("camel.cluster.file.enabled", "true");
        properties.addInitialProperty("camel.cluster.file.root", "/shared/cluster");
        properties.addInitialProperty("camel.cluster.file.acquire-lock-interval", "soon");
        assertThatThrownBy(() -> ClusterSettings.from(properties, Map.of())).isInstanceOf(InvalidSettingException.class)
                .hasMessage("Setting camel.cluster.file.acquire-lock-interval 'soon' is not a duration above zero: give"
                        + " milliseconds (5000) or a duration such as 500ms, 5s or 1m30s");

        properties.addInitialProperty("camel.cluster.file.enabled", "yes");
        assertThatThrownBy(() -> ClusterSettings.from(properties, Map.of())).isInstanceOf(InvalidSettingException.class)
                .hasMessage("Setting camel.cluster.file.enabled 'yes' is not allowed: use true or false");
    }

    @Test
    void badKubernetesLabelsAndAMissingPodNameStopStartUpNamingTheSetting() {
        properties.addInitialProperty("camel.cluster.kubernetes.enabled", "true");
        assertThatThrownBy(() -> ClusterSettings.from(properties, Map.of())).isInstanceOf(InvalidSettingException.class)
                .hasMessage("Setting camel.cluster.kubernetes.pod-name is missing and so is HOSTNAME: give the name of"
                        + " this node's pod");

        properties.addInitialProperty("camel.cluster.kubernetes.cluster-labels", "app");
        assertThatThrownBy(() -> ClusterSettings.from(properties, Map.of("HOSTNAME", "pod")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Setting camel.cluster.kubernetes.cluster-labels 'app' is not a list of labels: give key=value"
                        + " pairs separated by commas, e.g. app=twilio-connector,component=runner");
    }

    @Test
    void aBadClusterSettingEndsTheRunnerWithOneLine(@TempDir Path dir) throws Exception {
        try (RunnerProcess runner = RunnerProcess.start(dir, List.of("-Dcamel.cluster.file.enabled=true"), Map.of(),
                "--routes=file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml")) {
            assertThat(runner.awaitExit()).isEqualTo(1);
            assertThat(runner.stderr()).isEqualTo("twilio-connector-runtime: Setting camel.cluster.file.root is missing"
                    + " while camel.cluster.file.enabled is true: give the folder all nodes share, where the lock files of"
                    + " the leaders are\n");
        }
    }
}
