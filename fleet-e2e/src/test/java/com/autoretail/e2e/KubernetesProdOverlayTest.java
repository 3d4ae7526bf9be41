package com.autoretail.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.autoretail.e2e.RepoFiles.composeServices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the prod overlay adds to the fleet, and the dev overlay does not: the prod profile and the keys' Secret, two or
 * more replicas of the orchestrator and of every agent with an autoscaler and a disruption budget each, network
 * policies that let each service be reached only by the services compose wires to it, and an Ingress to the two
 * services compose publishes.
 */
class KubernetesProdOverlayTest {

    private static final Manifests PROD = Manifests.of("overlays/prod");
    private static final Manifests DEV = Manifests.of("overlays/dev");
    /** The components that scale: the orchestrator and the agents (the MCP stubs keep their data in memory). */
    private static final Set<String> SCALED = Set.of("orchestrator", "agent");
    private static final String NAME = "app.kubernetes.io/name";

    private static String component(Deployment deployment) {
        return deployment.getMetadata().getLabels().get("app.kubernetes.io/component");
    }

    @Test
    void prodRunsTheOrchestratorAndEveryAgentTwiceOrMoreScaledOnCpuAndDevOneOfEach() {
        for (Deployment deployment : PROD.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            if (!SCALED.contains(component(deployment))) {
                assertThat(deployment.getSpec().getReplicas()).as(name + ": one, its data in memory").isEqualTo(1);
                continue;
            }
            assertThat(deployment.getSpec().getReplicas()).as(name + " replicas").isGreaterThanOrEqualTo(2);
            HorizontalPodAutoscaler autoscaler = PROD.one(HorizontalPodAutoscaler.class, name);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
            assertThat(autoscaler.getSpec().getMetrics()).singleElement()
                    .satisfies(metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));
            PodDisruptionBudget budget = PROD.one(PodDisruptionBudget.class, name);
            assertThat(PROD.selected(budget.getSpec().getSelector().getMatchLabels())).containsExactly(name);
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        }
        assertThat(PROD.all(HorizontalPodAutoscaler.class)).hasSize(PROD.all(PodDisruptionBudget.class).size());
        assertThat(PROD.all(StatefulSet.class)).allSatisfy(redis -> assertThat(redis.getSpec().getReplicas()).isEqualTo(1));

        assertThat(DEV.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(DEV.objects()).noneMatch(o -> o instanceof HorizontalPodAutoscaler || o instanceof NetworkPolicy
                || o instanceof PodDisruptionBudget || o instanceof Ingress || o instanceof Secret);
    }

    /** The prod profile refuses to start without the keys; they come from keys.env, whose example lists them all. */
    @Test
    void prodRunsTheProdProfileWithTheKeysTheServicesReadFromItsSecret() {
        Set<String> referenced = PROD.containers().flatMap(c -> c.getEnv().stream())
                .filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
                .map(variable -> variable.getValueFrom().getSecretKeyRef().getKey()).collect(Collectors.toSet());

        assertThat(referenced).contains("AGENT_API_KEY", "ORCHESTRATOR_API_KEY", "SALES_CHAT_API_KEY", "MCP_API_KEY");
        assertThat(PROD.one(Secret.class, "fleet-keys").getData().keySet())
                .containsExactlyInAnyOrderElementsOf(referenced);
        assertThat(PROD.one(ConfigMap.class, "fleet-config").getData()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        assertThat(DEV.one(ConfigMap.class, "fleet-config").getData().get("SPRING_PROFILES_ACTIVE")).isNotEqualTo("prod");
        assertThat(RepoFiles.read(".gitignore")).contains("deploy/kubernetes/overlays/prod/keys.env\n");
    }

    /**
     * A pod is reached only by the pods that compose wires to it (their URLs name it), on its port; everything else is
     * denied. Every selector of a policy selects pods that exist.
     */
    @Test
    void onlyTheServicesThatCallAServiceReachIt() {
        Set<String> wired = new TreeSet<>();
        Map<String, Map<String, Object>> compose = composeServices();
        compose.forEach((caller, service) -> {
            if (service.get("environment") instanceof Map<?, ?> environment) {
                // compose's observability (Jaeger, Prometheus, Grafana) is not deployed here: the cluster has its own
                environment.values().stream().map(String::valueOf)
                        .filter(value -> value.startsWith("http://") || value.startsWith("redis://"))
                        .map(URI::create).filter(uri -> !observability(compose.get(uri.getHost())))
                        .forEach(uri -> wired.add(caller + " -> " + uri.getHost() + ":" + uri.getPort()));
            }
        });

        Set<String> allowed = new TreeSet<>();
        for (NetworkPolicy policy : PROD.all(NetworkPolicy.class)) {
            LabelSelector target = policy.getSpec().getPodSelector();
            assertThat(target.getMatchExpressions()).isNullOrEmpty();
            List<String> targets = PROD.selected(target.getMatchLabels());
            assertThat(targets).as(policy.getMetadata().getName() + " selects pods").isNotEmpty();
            policy.getSpec().getIngress().forEach(rule -> rule.getFrom().stream()
                    .map(NetworkPolicyPeer::getPodSelector).filter(peer -> peer != null).forEach(peer -> {
                        List<String> callers = PROD.selected(peer.getMatchLabels());
                        assertThat(callers).as(policy.getMetadata().getName() + " names pods").hasSize(1);
                        targets.forEach(to -> rule.getPorts().forEach(port ->
                                allowed.add(callers.getFirst() + " -> " + to + ":" + port.getPort().getIntVal())));
                    }));
        }
        assertThat(allowed).isEqualTo(wired);
        assertThat(PROD.find(NetworkPolicy.class, "default-deny-ingress")).hasValueSatisfying(deny -> {
            assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress");
            assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        });
    }

    /** From outside the namespace, only the services compose publishes, and the Ingress leads to them only. */
    @Test
    void onlyTheOrchestratorAndTheSalesChatAreExposedThroughTheIngress() {
        Set<String> published = composeServices().entrySet().stream()
                .filter(e -> e.getValue().get("ports") != null && !observability(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<String> openToOtherNamespaces = PROD.all(NetworkPolicy.class).stream()
                .filter(policy -> policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                        .anyMatch(peer -> peer.getNamespaceSelector() != null))
                .flatMap(policy -> PROD.selected(policy.getSpec().getPodSelector().getMatchLabels()).stream())
                .collect(Collectors.toSet());
        Ingress ingress = PROD.one(Ingress.class, "fleet");
        Set<String> behindIngress = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).map(path -> {
                    var backend = path.getBackend().getService();
                    Service service = PROD.one(Service.class, backend.getName());
                    assertThat(service.getSpec().getPorts()).as(backend.getName() + " port")
                            .anyMatch(port -> port.getPort().equals(backend.getPort().getNumber()));
                    return service.getSpec().getSelector().get(NAME);
                }).collect(Collectors.toSet());

        assertThat(published).containsExactlyInAnyOrder("orchestrator", "sales");
        assertThat(openToOtherNamespaces).isEqualTo(published);
        assertThat(behindIngress).isEqualTo(published);
        assertThat(PROD.all(Service.class)).allSatisfy(service ->
                assertThat(service.getSpec().getType()).as(service.getMetadata().getName()).isIn(null, "ClusterIP"));
        assertThat(PROD.objects().stream().map(HasMetadata::getMetadata))
                .allSatisfy(metadata -> assertThat(metadata.getNamespace()).isEqualTo("autoretail"));
    }

    /** A compose service of observability (Jaeger, Prometheus, Grafana): published infrastructure that is not Redis. */
    private static boolean observability(Map<String, Object> service) {
        return service != null && RepoFiles.infrastructure(service)
                && !String.valueOf(service.get("image")).startsWith("redis");
    }
}
