package com.autoretail.common.a2a;

import com.autoretail.common.security.ApiKeys;
import com.autoretail.common.security.SecurityMode;
import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSpec;
import io.a2a.spec.APIKeySecurityScheme;
import io.a2a.spec.AgentCapabilities;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentExtension;
import io.a2a.spec.AgentProvider;
import io.a2a.spec.AgentSkill;
import io.a2a.spec.HTTPAuthSecurityScheme;
import io.a2a.spec.SecurityScheme;
import io.a2a.spec.TransportProtocol;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agent Cards of the fleet's services: an agent's is derived from its capabilities, one skill per operation, and the
 * parts every card shares (provider, the endpoint, the security schemes of the service's credentials) come from here.
 */
public final class AgentCards {

    static final String API_KEY_SCHEME = "api_key";
    static final String BEARER_SCHEME = "bearer";
    private static final List<String> JSON = List.of("application/json");
    private static final AgentProvider PROVIDER = new AgentProvider("AutoRetail", "https://autoretail.example");

    private AgentCards() {
    }

    /** The card of an agent, from its {@code /capabilities}. */
    public static AgentCard forAgent(Capabilities capabilities, String baseUrl, SecurityMode security) {
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> compensations = new LinkedHashMap<>();
        List<AgentSkill> skills = new ArrayList<>();
        for (OperationSpec operation : capabilities.operations()) {
            schemas.put(operation.name(), operation.parameters());
            if (operation.compensation() != null) {
                compensations.put(operation.name(), operation.compensation());
            }
            skills.add(new AgentSkill.Builder()
                    .id(operation.name())
                    .name(operation.name().replace('_', ' '))
                    .description(operation.description() == null ? operation.name() : operation.description())
                    .tags(List.of(capabilities.serviceKey(), A2aProtocol.RISK_TAG + operation.risk().wireName(),
                            A2aProtocol.SOURCE_TAG + operation.source().wireName()))
                    .inputModes(JSON)
                    .outputModes(JSON)
                    .build());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("operations", schemas);
        params.put("compensations", compensations);
        AgentExtension extension = new AgentExtension.Builder()
                .uri(A2aProtocol.OPERATIONS_EXTENSION)
                .description("The JSON schema of each skill's parameters: send a DataPart "
                        + "{\"operation\": <skill id>, \"parameters\": {...}}")
                .params(params)
                .required(false)
                .build();
        return base(capabilities.serviceName(), capabilities.description(), capabilities.version(), baseUrl, security,
                false, List.of(extension), skills, JSON);
    }

    /** A card with the fleet's provider, the JSON-RPC endpoint under {@code baseUrl} and the service's schemes. */
    public static AgentCard base(String name, String description, String version, String baseUrl,
                                 SecurityMode security, boolean streaming, List<AgentExtension> extensions,
                                 List<AgentSkill> skills, List<String> inputModes) {
        AgentCard.Builder card = new AgentCard.Builder()
                .name(name)
                .description(description == null ? name : description)
                .url(baseUrl + A2aProtocol.ENDPOINT)
                .preferredTransport(TransportProtocol.JSONRPC.asString())
                .protocolVersion(A2aProtocol.PROTOCOL_VERSION)
                .provider(PROVIDER)
                .version(version == null ? "1.0.0" : version)
                .capabilities(new AgentCapabilities.Builder().streaming(streaming).pushNotifications(false)
                        .stateTransitionHistory(false).extensions(extensions).build())
                .defaultInputModes(inputModes)
                .defaultOutputModes(JSON)
                .skills(skills);
        Map<String, SecurityScheme> schemes = schemes(security);
        if (!schemes.isEmpty()) {
            // any one of the schemes will do
            card.securitySchemes(schemes)
                    .security(schemes.keySet().stream().map(scheme -> Map.of(scheme, List.<String>of())).toList());
        }
        return card.build();
    }

    /** The base URL the card announces: the configured public one, else the address the card was fetched from. */
    public static String baseUrl(A2aProperties properties) {
        String configured = properties.publicBaseUrl();
        return configured != null ? configured : ServletUriComponentsBuilder.fromCurrentContextPath().build()
                .toUriString();
    }

    private static Map<String, SecurityScheme> schemes(SecurityMode security) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        if (security == SecurityMode.API_KEYS || security == SecurityMode.API_KEYS_AND_JWT) {
            schemes.put(API_KEY_SCHEME, new APIKeySecurityScheme("header", ApiKeys.HEADER,
                    "A key of the fleet, with the roles the endpoint needs"));
        }
        if (security == SecurityMode.JWT || security == SecurityMode.API_KEYS_AND_JWT) {
            schemes.put(BEARER_SCHEME, new HTTPAuthSecurityScheme("JWT", "bearer",
                    "A token of the fleet's identity provider, its roles in the roles claim"));
        }
        return schemes;
    }
}
