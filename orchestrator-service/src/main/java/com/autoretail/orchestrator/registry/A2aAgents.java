package com.autoretail.orchestrator.registry;

import com.autoretail.common.a2a.A2aProtocol;
import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSource;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.common.wire.RiskTier;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentExtension;
import io.a2a.spec.AgentSkill;
import io.a2a.util.Utils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A2A agents used as services, each known by its Agent Card's URL ({@code orchestrator.a2a.agents},
 * {@code <key>=<card URL>}): reading the card is its health check, and the card becomes its capabilities, a skill an
 * operation. A skill's parameter schema comes from the fleet's operations extension when the card has it (an object
 * of any shape otherwise), its risk tier and compensation from the {@code risk:} tag and the extension; a skill of
 * unknown risk counts as irreversible, so that policies that guard side effects guard it. The card names the
 * JSON-RPC endpoint that steps are sent to.
 */
public class A2aAgents {

    private final Map<String, String> cards;
    private final RestClient http;
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();

    /** @param http a client with the health-check timeouts and the agents' API key */
    public A2aAgents(List<String> entries, RestClient http) {
        this.cards = parse(entries);
        this.http = http;
    }

    /** Each A2A service's key in plans and its card's URL. */
    public Map<String, String> cards() {
        return cards;
    }

    /** The JSON-RPC endpoint the card at this URL named when it was last read. */
    public Optional<String> endpoint(String cardUrl) {
        return Optional.ofNullable(endpoints.get(cardUrl));
    }

    AgentProbe.Reading read(String key, String cardUrl, Capabilities known) {
        try {
            String json = http.get().uri(cardUrl).retrieve().body(String.class);
            AgentCard card = Utils.OBJECT_MAPPER.readValue(json, AgentCard.class);
            if (card.url() == null || card.url().isBlank()) {
                return new AgentProbe.Reading(false, known, "card: names no endpoint url");
            }
            endpoints.put(cardUrl, card.url());
            return new AgentProbe.Reading(true, capabilities(key, card), null);
        } catch (RestClientException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return new AgentProbe.Reading(false, known, "card: " + e.getMessage());
        }
    }

    static Capabilities capabilities(String key, AgentCard card) {
        Map<?, ?> schemas = Map.of();
        Map<?, ?> compensations = Map.of();
        List<AgentExtension> extensions = card.capabilities() == null || card.capabilities().extensions() == null
                ? List.of() : card.capabilities().extensions();
        for (AgentExtension extension : extensions) {
            if (A2aProtocol.OPERATIONS_EXTENSION.equals(extension.uri()) && extension.params() != null) {
                schemas = extension.params().get("operations") instanceof Map<?, ?> m ? m : schemas;
                compensations = extension.params().get("compensations") instanceof Map<?, ?> m ? m : compensations;
            }
        }
        List<OperationSpec> operations = new ArrayList<>();
        for (AgentSkill skill : card.skills() == null ? List.<AgentSkill>of() : card.skills()) {
            RiskTier risk = risk(skill);
            Object compensation = compensations.get(skill.id());
            Map<String, Object> schema = new LinkedHashMap<>();
            if (schemas.get(skill.id()) instanceof Map<?, ?> given) {
                given.forEach((k, v) -> schema.put(String.valueOf(k), v));
            } else {
                schema.put("type", "object");
            }
            operations.add(new OperationSpec(skill.id(), skill.description(), OperationSource.A2A, schema,
                    risk != RiskTier.READ_ONLY, compensation == null ? null : compensation.toString(), risk));
        }
        return new Capabilities(card.name(), key, card.description(), card.version(), operations, List.of());
    }

    private static RiskTier risk(AgentSkill skill) {
        List<String> tags = skill.tags() == null ? List.of() : skill.tags();
        return tags.stream().filter(tag -> tag.startsWith(A2aProtocol.RISK_TAG)).findFirst()
                .map(tag -> {
                    try {
                        return RiskTier.fromWire(tag.substring(A2aProtocol.RISK_TAG.length()));
                    } catch (IllegalArgumentException e) {
                        return RiskTier.IRREVERSIBLE;
                    }
                })
                .orElse(RiskTier.IRREVERSIBLE);
    }

    private static Map<String, String> parse(List<String> entries) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String entry : entries) {
            int split = entry.indexOf('=');
            if (split < 1 || split == entry.length() - 1) {
                throw new IllegalArgumentException("orchestrator.a2a.agents (A2A_AGENTS): '" + entry
                        + "' is not <key>=<Agent Card URL>");
            }
            parsed.put(entry.substring(0, split).trim(), entry.substring(split + 1).trim());
        }
        return java.util.Collections.unmodifiableMap(parsed);
    }
}
