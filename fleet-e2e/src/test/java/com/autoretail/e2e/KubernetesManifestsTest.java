package com.autoretail.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.autoretail.e2e.RepoFiles.composeServices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy/kubernetes, rendered as {@code kubectl apply -k} renders each overlay, is valid against the Kubernetes API's
 * schema and runs the fleet that fleet.conf and docker-compose.yml describe: every service on its port with its
 * health checks, its arguments, the environment compose gives it (the same names, the same wiring, the keys from
 * the Secret and the settings from the ConfigMap), the image compose builds, compose's memory limit; and the two
 * Redis with compose's persistence and eviction. What only the prod overlay adds: {@link KubernetesProdOverlayTest}.
 */
class KubernetesManifestsTest {

    private static final FleetTable TABLE = FleetTable.read();
    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-([^}]*)}");
    private static final String ACTUATOR_HEALTH = "/actuator/health/";

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyObjectIsAValidKubernetesObjectWithAUniqueName(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(manifests.objects()).isNotEmpty().allSatisfy(object ->
                assertThat(object.getMetadata().getName()).as(object.getKind()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"));
        assertThat(manifests.objects().stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()))
                .doesNotHaveDuplicates();
        manifests.podTemplates().forEach((name, template) -> {
            Map<String, String> selector = manifests.find(Deployment.class, name)
                    .map(d -> d.getSpec().getSelector().getMatchLabels())
                    .orElseGet(() -> manifests.one(StatefulSet.class, name).getSpec().getSelector().getMatchLabels());
            assertThat(template.getMetadata().getLabels()).as(name + "'s pods carry its selector")
                    .containsAllEntriesOf(selector);
        });
    }

    @Test
    void aMisspeltOrUnknownFieldIsRefused() {
        Map<String, Object> deployment = Kustomize.load(Manifests.DIR.resolve("base/orchestrator.yaml")).getFirst();
        Kustomize.map(deployment, "spec").put("replica", 2);

        assertThatThrownBy(() -> Manifests.strictly(deployment)).hasMessageContaining("replica");
        assertThatThrownBy(() -> Manifests.strictly(Map.of("apiVersion", "extensions/v1beta1", "kind", "Ingress",
                "metadata", Map.of("name", "old")))).hasMessageContaining("extensions/v1beta1/Ingress");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyServiceOfTheTableRunsOnItsPortWithItsHealthChecksAndArguments(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(manifests.all(Deployment.class).stream().map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(TABLE.names());
        for (FleetTable.Service service : TABLE.services()) {
            Container container = manifests.container(service.name());
            String name = overlay + " " + service.name();
            assertThat(container.getPorts()).as(name + " ports").singleElement()
                    .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(service.port()));
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name + " readiness")
                    .isEqualTo(service.healthPath());
            String liveness = service.healthPath().startsWith(ACTUATOR_HEALTH)
                    ? ACTUATOR_HEALTH + "liveness" : service.healthPath();
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(name + " liveness").isEqualTo(liveness);
            assertThat(container.getStartupProbe().getHttpGet().getPath()).as(name + " startup").isEqualTo(liveness);
            List.of(container.getReadinessProbe(), container.getLivenessProbe(), container.getStartupProbe())
                    .forEach(probe -> assertThat(probe.getHttpGet().getPort().getStrVal()).as(name + " probe port")
                            .isEqualTo(container.getPorts().getFirst().getName()));
            assertThat(container.getArgs()).as(name + " arguments").isEqualTo(service.args());

            Service k8sService = manifests.one(Service.class, service.name());
            assertThat(manifests.selected(k8sService.getSpec().getSelector())).containsExactly(service.name());
            ServicePort port = k8sService.getSpec().getPorts().getFirst();
            assertThat(port.getPort()).as(name + " Service port, as the others' URLs name it").isEqualTo(service.port());
            assertThat(port.getTargetPort().getStrVal()).isEqualTo(container.getPorts().getFirst().getName());
        }
    }

    @Test
    void theActuatorServesTheLivenessAndReadinessGroups() {
        assertThat(RepoFiles.read("agent-common/src/main/resources/agent-common-defaults.properties"))
                .contains("management.endpoint.health.probes.enabled=true");
    }

    /** Where the services send their spans: compose's Jaeger there, the cluster's own collector here. */
    private static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyServiceHasComposesEnvironmentWithKeysFromTheSecretAndSettingsFromTheConfigMap(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, String> settings = manifests.one(ConfigMap.class, "fleet-config").getData();

        for (FleetTable.Service service : TABLE.services()) {
            Map<?, ?> composed = (Map<?, ?>) composeServices().get(service.name()).get("environment");
            Map<String, EnvVar> env = new LinkedHashMap<>();
            manifests.container(service.name()).getEnv().forEach(variable -> env.put(variable.getName(), variable));
            String name = overlay + " " + service.name();

            assertThat(env.keySet()).as(name + " environment, against compose")
                    .containsExactlyInAnyOrderElementsOf(composed.keySet().stream().map(String::valueOf).toList());
            composed.forEach((key, value) -> {
                EnvVar variable = env.get(String.valueOf(key));
                Matcher fromEnvironment = FROM_ENVIRONMENT.matcher(String.valueOf(value));
                if (variable.getName().endsWith("_API_KEY")) {
                    assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).as(name + " " + key)
                            .isEqualTo(key);
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("fleet-keys");
                } else if (variable.getValue() != null) {
                    assertThat(variable.getValue()).as(name + " " + key + ", as compose wires it").isEqualTo(value);
                } else {
                    var reference = variable.getValueFrom().getConfigMapKeyRef();
                    assertThat(reference.getName()).as(name + " " + key).isEqualTo("fleet-config");
                    assertThat(reference.getKey()).as(name + " " + key).isEqualTo(key);
                    assertThat(settings).as(name + ": the ConfigMap sets " + key).containsKey(reference.getKey());
                    if (OTLP_ENDPOINT.equals(key)) {
                        // compose exports to its own Jaeger; a cluster names its collector here, none by default
                        assertThat(settings.get(reference.getKey())).as(name + " " + key).isEmpty();
                    } else if (fromEnvironment.matches()) {
                        assertThat(settings.get(reference.getKey())).as(name + " " + key + "'s default, as compose's")
                                .isEqualTo(fromEnvironment.group(2));
                    } else if (overlay.endsWith("prod")) {
                        // compose runs what prod runs (the prod profile); dev differs on purpose
                        assertThat(settings.get(reference.getKey())).as(name + " " + key).isEqualTo(value);
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void everyServiceRunsTheImageComposeBuildsWithComposesMemoryLimit(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        for (FleetTable.Service service : TABLE.services()) {
            Map<String, Object> composed = composeServices().get(service.name());
            Container container = manifests.container(service.name());
            String image = container.getImage();
            String repository = image.substring(0, image.lastIndexOf(':'));
            assertThat(repository).as(overlay + " " + service.name() + " image").endsWith((String) composed.get("image"));
            if (overlay.equals("base")) {
                assertThat(image).isEqualTo(composed.get("image") + ":latest");
            }
            assertMemoryAsCompose(service.name(), composed, container);
        }
    }

    @Test
    void bothRedisPersistAndEvictAsInComposeBehindTheNamesTheServicesUse() {
        Manifests manifests = Manifests.of("overlays/prod");

        for (String name : List.of("redis", "inventory-redis")) {
            Map<String, Object> composed = composeServices().get(name);
            StatefulSet redis = manifests.one(StatefulSet.class, name);
            PodTemplateSpec pod = redis.getSpec().getTemplate();
            Container container = pod.getSpec().getContainers().getFirst();

            assertThat(container.getCommand()).as(name + " command").isEqualTo(composed.get("command"));
            assertThat(container.getImage()).isEqualTo(composed.get("image"));
            assertThat(redis.getSpec().getReplicas()).isEqualTo(1);
            assertThat(redis.getSpec().getVolumeClaimTemplates()).as(name + " keeps its append-only file on a volume")
                    .singleElement().satisfies(claim -> assertThat(container.getVolumeMounts())
                            .anySatisfy(mount -> {
                                assertThat(mount.getName()).isEqualTo(claim.getMetadata().getName());
                                assertThat(mount.getMountPath()).isEqualTo("/data");
                            }));
            Service service = manifests.one(Service.class, name);
            assertThat(redis.getSpec().getServiceName()).isEqualTo(name);
            assertThat(manifests.selected(service.getSpec().getSelector())).containsExactly(name);
            assertThat(service.getSpec().getPorts().getFirst().getPort()).isEqualTo(6379);
            assertMemoryAsCompose(name, composed, container);
        }
    }

    private static void assertMemoryAsCompose(String name, Map<String, Object> composed, Container container) {
        String limit = String.valueOf(composed.get("mem_limit"));
        assertThat(limit).as(name + " compose mem_limit in MiB").endsWith("m");
        BigDecimal composeBytes = BigDecimal.valueOf(Long.parseLong(limit.substring(0, limit.length() - 1)) << 20);
        Map<String, Quantity> limits = container.getResources().getLimits();
        Map<String, Quantity> requests = container.getResources().getRequests();
        assertThat(Quantity.getAmountInBytes(limits.get("memory"))).as(name + " memory limit, as compose's")
                .isEqualByComparingTo(composeBytes);
        assertThat(Quantity.getAmountInBytes(requests.get("memory"))).as(name + " memory request")
                .isPositive().isLessThanOrEqualTo(composeBytes);
        assertThat(requests).as(name + " asks for CPU (the autoscalers' measure)").containsKey("cpu");
    }
}
