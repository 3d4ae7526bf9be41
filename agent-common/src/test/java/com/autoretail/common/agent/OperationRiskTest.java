package com.autoretail.common.agent;

import com.autoretail.common.wire.OperationSpec;
import com.autoretail.common.wire.RiskTier;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OperationRiskTest {

    private static McpSchema.Tool tool(String name, Boolean readOnly, Boolean destructive, Boolean idempotent) {
        return McpSchema.Tool.builder().name(name).description(name)
                .inputSchema(new McpSchema.JsonSchema("object", Map.of(), null, null, null, null))
                .annotations(new McpSchema.ToolAnnotations(name, readOnly, destructive, idempotent, false, null))
                .build();
    }

    @Test
    void readOnlyHintMakesAReadOnlyOperation() {
        OperationSpec spec = OperationCatalog.fromTool(tool("get_thing", true, false, true));
        assertThat(spec.sideEffects()).isFalse();
        assertThat(spec.risk()).isEqualTo(RiskTier.READ_ONLY);
    }

    @Test
    void additiveToolWithACompensationIsReversible() {
        OperationSpec spec = OperationCatalog.annotated(OperationCatalog.fromTool(tool("reserve", false, false, false))
                .withSideEffects(true, "release"), tool("reserve", false, false, false).annotations());
        assertThat(spec.risk()).isEqualTo(RiskTier.REVERSIBLE);
    }

    @Test
    void destructiveToolIsIrreversibleWhateverCompensationTheAgentDeclares() {
        McpSchema.Tool destructive = tool("cancel", false, true, true);
        OperationSpec spec = OperationCatalog.annotated(OperationCatalog.fromTool(destructive)
                .withSideEffects(true, "restore"), destructive.annotations());
        assertThat(spec.risk()).isEqualTo(RiskTier.IRREVERSIBLE);
    }

    @Test
    void sideEffectWithoutCompensationIsIrreversible() {
        OperationSpec spec = OperationCatalog.annotated(OperationCatalog.fromTool(tool("notify", false, false, false)),
                null);
        assertThat(spec.risk()).isEqualTo(RiskTier.IRREVERSIBLE);
    }

    @Test
    void capabilitiesWithoutRiskFromAnOlderAgentDeriveIt() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        OperationSpec older = mapper.readValue("""
                {"name": "reserve_parts", "source": "mcp", "side_effects": true,
                 "compensation": "release_reservation"}""", OperationSpec.class);
        assertThat(older.risk()).isEqualTo(RiskTier.REVERSIBLE);
        assertThat(mapper.writeValueAsString(older)).contains("\"risk\":\"reversible\"");
        OperationSpec claimedReadOnly = mapper.readValue("""
                {"name": "refund", "source": "mcp", "side_effects": true, "risk": "read_only"}""",
                OperationSpec.class);
        assertThat(claimedReadOnly.risk()).as("a side effect is never read-only").isEqualTo(RiskTier.IRREVERSIBLE);
    }
}
