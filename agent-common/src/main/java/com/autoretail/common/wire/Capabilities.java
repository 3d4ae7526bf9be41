package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** The body of {@code GET /capabilities}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Capabilities(
        String serviceName,
        String serviceKey,
        String description,
        String version,
        List<OperationSpec> operations,
        List<String> mcpTools) {
}
