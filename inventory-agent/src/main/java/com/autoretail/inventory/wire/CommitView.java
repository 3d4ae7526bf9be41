package com.autoretail.inventory.wire;

import com.autoretail.inventory.store.HoldStatus;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The answer to a commit: the sale is final, the held stock stays taken. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitView(String holdId, HoldStatus status) {
}
