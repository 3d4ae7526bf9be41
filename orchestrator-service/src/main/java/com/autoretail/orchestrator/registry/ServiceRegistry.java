package com.autoretail.orchestrator.registry;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.orchestrator.OrchestratorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The agents the orchestrator knows: every configured instance of every service, its health and its cached
 * capabilities, read at start-up and every discovery interval, all instances in parallel. Failures are logged
 * and never block; a service that comes back is picked up at the next round. Calls are spread round-robin
 * over a service's healthy instances.
 */
public class ServiceRegistry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceRegistry.class);

    /** A service's instances; an A2A service has one, its Agent Card's URL. */
    private record Service(List<AtomicReference<ServiceInstance>> instances, AtomicInteger next, boolean a2a) {
    }

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final AgentProbe probe;
    private final A2aAgents a2aAgents;
    private final OrchestratorProperties properties;
    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
    private ScheduledExecutorService timer;

    public ServiceRegistry(OrchestratorProperties properties, AgentProbe probe) {
        this(properties, probe, new A2aAgents(List.of(), null));
    }

    /** The fleet's services, and A2A agents known by their cards. */
    public ServiceRegistry(OrchestratorProperties properties, AgentProbe probe, A2aAgents a2aAgents) {
        this.properties = properties;
        this.probe = probe;
        this.a2aAgents = a2aAgents;
        properties.services().forEach((key, service) -> {
            List<AtomicReference<ServiceInstance>> instances = new ArrayList<>();
            service.urls().stream().map(ServiceRegistry::trimSlash).distinct()
                    .forEach(url -> instances.add(new AtomicReference<>(ServiceInstance.unknown(url))));
            services.put(key, new Service(List.copyOf(instances), new AtomicInteger(), false));
        });
        a2aAgents.cards().forEach((key, cardUrl) -> services.put(key, new Service(
                List.of(new AtomicReference<>(ServiceInstance.unknown(cardUrl))), new AtomicInteger(), true)));
    }

    /** Reads the health and capabilities of every instance, in parallel, and waits for all of them. */
    public void refresh() {
        List<Future<?>> checks = new ArrayList<>();
        services.forEach((key, service) -> service.instances().forEach(slot ->
                checks.add(probes.submit(() -> slot.set(check(key, service.a2a(), slot.get()))))));
        for (Future<?> check : checks) {
            try {
                check.get();
            } catch (Exception e) {
                log.warn("Service check failed: {}", e.getMessage());
            }
        }
    }

    private ServiceInstance check(String key, boolean a2a, ServiceInstance known) {
        AgentProbe.Reading reading = a2a ? a2aAgents.read(key, known.url(), known.capabilities())
                : probe.read(known.url(), known.capabilities());
        if (reading.healthy() != known.healthy()) {
            log.info("{} is now {}{}", known.url(), reading.healthy() ? "healthy" : "unhealthy",
                    reading.error() == null ? "" : " (" + reading.error() + ")");
        }
        return new ServiceInstance(known.url(),
                reading.healthy() ? ServiceInstance.Health.HEALTHY : ServiceInstance.Health.UNHEALTHY,
                Instant.now(), reading.error(), reading.capabilities());
    }

    /** The capabilities of the services that have a healthy instance now. */
    public ServiceCatalog catalog() {
        return catalogOf(ServiceInstance::healthy);
    }

    /**
     * Every service's last known capabilities, healthy or not: what undoing a workflow needs when the service it
     * must undo something at is the one that is failing.
     */
    public ServiceCatalog knownCatalog() {
        return catalogOf(instance -> true);
    }

    private ServiceCatalog catalogOf(Predicate<ServiceInstance> which) {
        Map<String, Capabilities> catalog = new LinkedHashMap<>();
        services.forEach((key, service) -> service.instances().stream()
                .map(AtomicReference::get)
                .filter(instance -> which.test(instance) && instance.capabilities() != null)
                .findFirst()
                .ifPresent(instance -> catalog.put(key, instance.capabilities())));
        return new ServiceCatalog(catalog);
    }

    /** The next healthy instance's URL, round-robin; empty when the service has none. */
    public Optional<String> pick(String serviceKey) {
        Service service = services.get(serviceKey);
        if (service == null) {
            return Optional.empty();
        }
        List<ServiceInstance> healthy = service.instances().stream().map(AtomicReference::get)
                .filter(ServiceInstance::healthy).toList();
        if (healthy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(healthy.get(Math.floorMod(service.next().getAndIncrement(), healthy.size())).url());
    }

    /** Whether the service is an A2A agent, called with A2A messages instead of {@code /execute}. */
    public boolean isA2a(String serviceKey) {
        Service service = services.get(serviceKey);
        return service != null && service.a2a();
    }

    /** The JSON-RPC endpoint of an A2A agent's instance (its card's URL, as {@link #pick} answers it). */
    public Optional<String> a2aEndpoint(String cardUrl) {
        return a2aAgents.endpoint(cardUrl);
    }

    /** Takes an instance out of rotation until the next check finds it healthy (it refused a connection). */
    public void markUnreachable(String url, String error) {
        services.values().forEach(service -> service.instances().forEach(slot -> slot.updateAndGet(instance ->
                instance.url().equals(url) && instance.healthy()
                        ? new ServiceInstance(url, ServiceInstance.Health.UNHEALTHY, Instant.now(), error,
                        instance.capabilities())
                        : instance)));
    }

    /** Every service with its instances, for {@code /health} and {@code /services}. */
    public Map<String, List<ServiceInstance>> snapshot() {
        Map<String, List<ServiceInstance>> view = new LinkedHashMap<>();
        services.forEach((key, service) ->
                view.put(key, service.instances().stream().map(AtomicReference::get).toList()));
        return view;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("service-discovery")
                .daemon(true).factory());
        long interval = properties.discoveryInterval().toMillis();
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Service discovery round failed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        probes.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }

    private static String trimSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
