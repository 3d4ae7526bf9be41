package com.autoretail.inventory.wire;

import com.autoretail.inventory.store.HoldStatus;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to a release.
 *
 * @param status        {@code released}, or {@code expired} when the hold had run out first
 * @param restoredStock what this call gave back to stock: the hold's quantity the first time, 0 afterwards
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseView(String holdId, HoldStatus status, int restoredStock) {
}
