package dev.twilioconnector.runtime;

import dev.twilioconnector.error.InvalidSettingException;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.spi.PropertiesComponent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The cluster service the runner binds, from settings named as Camel Spring Boot names them, since camel-main has
 * none of its own and a service declared through {@code camel.beans.*} is bound after camel-main looked for one:
 * <ul>
 *     <li>{@code camel.cluster.file.enabled}, {@code .root} (a folder all nodes share), {@code .id} (default: host
 *     name and process id), {@code .acquire-lock-interval}: Camel's {@link FileLockClusterService};</li>
 *     <li>{@code camel.cluster.kubernetes.enabled}, {@code .namespace}, {@code .pod-name} (default: {@code HOSTNAME}),
 *     {@code .cluster-labels} ({@code app=twilio-connector,component=runner}), {@code .lease-duration-millis},
 *     {@code .renew-deadline-millis}, {@code .retry-period-millis}, {@code .master-url}: Camel's
 *     {@link KubernetesClusterService} on a Lease per namespace.</li>
 * </ul>
 * Neither enabled: no cluster service, every flow runs on every node.
 */
final class ClusterSettings {

    static final String FILE = "camel.cluster.file.";
    static final String KUBERNETES = "camel.cluster.kubernetes.";

    private final PropertiesComponent properties;
    private final Map<String, String> environment;

    private ClusterSettings(PropertiesComponent properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * The cluster service the settings ask for, not started.
     *
     * @throws InvalidSettingException naming the setting, when both are enabled or one lacks what it needs
     */
    static Optional<CamelClusterService> from(PropertiesComponent properties, Map<String, String> environment) {
        ClusterSettings settings = new ClusterSettings(properties, environment);
        boolean file = settings.get(FILE + "enabled").isTrue();
        boolean kubernetes = settings.get(KUBERNETES + "enabled").isTrue();
        if (file && kubernetes) {
            throw new InvalidSettingException(KUBERNETES + "enabled", "is true while " + FILE + "enabled is true too:"
                    + " enable one cluster service, the file lock on one machine or Kubernetes Leases on a cluster");
        }
        if (file) {
            return Optional.of(settings.fileLock());
        }
        return kubernetes ? Optional.of(settings.kubernetes()) : Optional.empty();
    }

    /** This process's name among the nodes when nothing names it: host name and process id. */
    static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private FileLockClusterService fileLock() {
        RunnerSetting root = get(FILE + "root");
        if (!root.isSet()) {
            throw new InvalidSettingException(FILE + "root", "is missing while " + FILE + "enabled is true: give the"
                    + " folder all nodes share, where the lock files of the leaders are");
        }
        FileLockClusterService service = new FileLockClusterService();
        service.setId(get(FILE + "id").orElse(hostAndPid()));
        service.setRoot(root.value());
        RunnerSetting interval = get(FILE + "acquire-lock-interval");
        if (interval.isSet()) {
            service.setAcquireLockInterval(interval.millis(0), TimeUnit.MILLISECONDS);
        }
        return service;
    }

    private KubernetesClusterService kubernetes() {
        // built without a configuration, the service makes an empty one at start and drops the namespace and master URL
        KubernetesClusterService service = new KubernetesClusterService(new KubernetesConfiguration());
        String pod = get(KUBERNETES + "pod-name").orElse(environment.get("HOSTNAME"));
        if (pod == null || pod.isBlank()) {
            throw new InvalidSettingException(KUBERNETES + "pod-name", "is missing and so is HOSTNAME: give the name"
                    + " of this node's pod");
        }
        service.setId(pod);
        service.setPodName(pod);
        service.setLeaseResourceType(LeaseResourceType.Lease);
        RunnerSetting namespace = get(KUBERNETES + "namespace");
        if (namespace.isSet()) {
            service.setKubernetesNamespace(namespace.value());
        }
        RunnerSetting masterUrl = get(KUBERNETES + "master-url");
        if (masterUrl.isSet()) {
            service.setMasterUrl(masterUrl.value());
        }
        RunnerSetting labels = get(KUBERNETES + "cluster-labels");
        if (labels.isSet()) {
            service.setClusterLabels(labels(labels));
        }
        RunnerSetting lease = get(KUBERNETES + "lease-duration-millis");
        if (lease.isSet()) {
            service.setLeaseDurationMillis(lease.millis(0));
        }
        RunnerSetting renew = get(KUBERNETES + "renew-deadline-millis");
        if (renew.isSet()) {
            service.setRenewDeadlineMillis(renew.millis(0));
        }
        RunnerSetting retry = get(KUBERNETES + "retry-period-millis");
        if (retry.isSet()) {
            service.setRetryPeriodMillis(retry.millis(0));
        }
        return service;
    }

    /** {@code app=twilio-connector,component=runner}: the labels of the pods that take part in the election. */
    private static Map<String, String> labels(RunnerSetting setting) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : setting.value().split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new InvalidSettingException(setting.key(), "'" + setting.value() + "' is not a list of labels:"
                        + " give key=value pairs separated by commas, e.g. app=twilio-connector,component=runner");
            }
            labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return labels;
    }

    private RunnerSetting get(String key) {
        return RunnerSetting.read(key, properties, environment);
    }
}
