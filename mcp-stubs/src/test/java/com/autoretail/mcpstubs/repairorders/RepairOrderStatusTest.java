package com.autoretail.mcpstubs.repairorders;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RepairOrderStatusTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = { "pending; scheduled cancelled", "scheduled; in_progress cancelled",
            "in_progress; parts_ordered quality_check cancelled", "parts_ordered; in_progress cancelled",
            "quality_check; customer_approval in_progress", "customer_approval; ready_for_pickup in_progress",
            "ready_for_pickup; completed in_progress", "completed; invoiced", "invoiced; closed", "cancelled; ''",
            "closed; ''" })
    void allowsExactlyTheTransitionsOfTheDealerMatrix(String from, String to) {
        List<RepairOrderStatus> allowed = Arrays.stream(to.split(" "))
            .filter(status -> !status.isBlank())
            .map(RepairOrderStatus::fromWire)
            .toList();
        RepairOrderStatus status = RepairOrderStatus.fromWire(from);

        assertThat(status.allowedTransitions()).containsExactlyElementsOf(allowed);
        assertThat(Arrays.stream(RepairOrderStatus.values()).filter(status::canMoveTo))
            .containsExactlyInAnyOrderElementsOf(allowed);
    }

}
