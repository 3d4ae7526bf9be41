package com.autoretail.orchestrator.registry;

import com.autoretail.common.a2a.A2aProtocol;
import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSource;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.common.wire.RiskTier;
import io.a2a.spec.AgentCapabilities;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentExtension;
import io.a2a.spec.AgentSkill;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How an A2A agent's card becomes a service's capabilities, and how the agents are configured. */
class A2aAgentsTest {

    private static AgentCard card(List<AgentExtension> extensions, AgentSkill... skills) {
        return new AgentCard.Builder().name("vin-decoder").description("Decodes VINs").url("http://x/a2a")
                .version("2.0.0").capabilities(new AgentCapabilities.Builder().extensions(extensions).build())
                .defaultInputModes(List.of("application/json")).defaultOutputModes(List.of("application/json"))
                .skills(List.of(skills)).build();
    }

    private static AgentSkill skill(String id, String... tags) {
        return new AgentSkill.Builder().id(id).name(id).description("does " + id).tags(List.of(tags)).build();
    }

    @Test
    void takesSchemasRiskAndCompensationsFromTheCard() {
        AgentExtension operations = new AgentExtension.Builder().uri(A2aProtocol.OPERATIONS_EXTENSION)
                .params(Map.of("operations", Map.of("hold_vin", Map.of("type", "object", "required", List.of("vin"))),
                        "compensations", Map.of("hold_vin", "release_vin")))
                .build();

        Capabilities capabilities = A2aAgents.capabilities("vin", card(List.of(operations),
                skill("decode_vin", "risk:read_only"), skill("hold_vin", "risk:reversible")));

        assertThat(capabilities.serviceKey()).isEqualTo("vin");
        assertThat(capabilities.serviceName()).isEqualTo("vin-decoder");
        OperationSpec decode = capabilities.operations().get(0);
        assertThat(decode.source()).isEqualTo(OperationSource.A2A);
        assertThat(decode.sideEffects()).isFalse();
        assertThat(decode.parameters()).isEqualTo(Map.of("type", "object"));
        OperationSpec hold = capabilities.operations().get(1);
        assertThat(hold.risk()).isEqualTo(RiskTier.REVERSIBLE);
        assertThat(hold.compensation()).isEqualTo("release_vin");
        assertThat(hold.parameters()).containsEntry("required", List.of("vin"));
    }

    @Test
    void countsASkillOfUnknownRiskAsIrreversible() {
        Capabilities capabilities = A2aAgents.capabilities("vin", card(List.of(), skill("anything"),
                skill("odd", "risk:dangerous")));

        assertThat(capabilities.operations()).allSatisfy(op -> {
            assertThat(op.sideEffects()).isTrue();
            assertThat(op.risk()).isEqualTo(RiskTier.IRREVERSIBLE);
        });
    }

    @Test
    void readsAgentsAsKeyEqualsCardUrlAndRefusesAnythingElse() {
        A2aAgents agents = new A2aAgents(List.of("vin=http://vin.example/.well-known/agent-card.json"), null);
        assertThat(agents.cards()).containsEntry("vin", "http://vin.example/.well-known/agent-card.json");

        assertThatThrownBy(() -> new A2aAgents(List.of("http://vin.example/card"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A2A_AGENTS");
    }
}
