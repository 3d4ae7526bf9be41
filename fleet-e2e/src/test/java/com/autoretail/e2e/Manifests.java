package com.autoretail.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * deploy/kubernetes rendered ({@link Kustomize}) and every object read strictly into fabric8's Kubernetes model: an
 * unknown field (a typo, a field of another API version) fails, as {@code kubectl apply --validate=strict} would,
 * instead of landing in the model's catch-all map.
 */
record Manifests(String overlay, List<HasMetadata> objects) {

    static final Path DIR = RepoFiles.ROOT.resolve("deploy/kubernetes");

    /** Each kind the manifests may use, by {@code apiVersion/kind}, with its class in the model. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    /** Jackson without the model's any-setters, so that an unknown property is an error. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .build();

    /** An overlay ({@code overlays/dev}) or the base ({@code base}), rendered and read strictly. */
    static Manifests of(String directory) {
        return new Manifests(directory, Kustomize.build(DIR.resolve(directory)).stream()
                .map(Manifests::strictly).toList());
    }

    /** One object, read strictly into the model class of its kind; fails on an unknown kind or property. */
    static HasMetadata strictly(Map<String, Object> object) {
        String kind = object.get("apiVersion") + "/" + object.get("kind");
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("a kind the manifests do not use: " + kind);
        }
        return STRICT.convertValue(object, type);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(overlay + " has no " + type.getSimpleName()
                + " " + name));
    }

    /** Every pod template (Deployments' and StatefulSets'), by its workload's name. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    /** The workloads whose pods carry all of these labels. */
    List<String> selected(Map<String, String> labels) {
        return podTemplates().entrySet().stream()
                .filter(e -> e.getValue().getMetadata().getLabels().entrySet().containsAll(labels.entrySet()))
                .map(Map.Entry::getKey).toList();
    }

    /** A Deployment's one container. */
    Container container(String deployment) {
        List<Container> containers = one(Deployment.class, deployment).getSpec().getTemplate().getSpec()
                .getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment + " runs one container, not " + containers.size());
        }
        return containers.getFirst();
    }

    Stream<Container> containers() {
        return podTemplates().values().stream().flatMap(t -> t.getSpec().getContainers().stream());
    }
}
