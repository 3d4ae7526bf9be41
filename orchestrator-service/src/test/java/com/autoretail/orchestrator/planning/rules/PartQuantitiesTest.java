package com.autoretail.orchestrator.planning.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The count written next to a part number, else the clause's own. */
class PartQuantitiesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "need 4 spark plugs ELC5120 on RO 1005 | ELC5120 | 1 | 4",
        "reserve three ENG6631 for R.O. 1015    | ENG6631 | 1 | 3",
        "add 1 x SUS4401 and 2 x SUS4420 to RO 1004 | SUS4401 | 1 | 1",
        "add 1 x SUS4401 and 2 x SUS4420 to RO 1004 | SUS4420 | 1 | 2",
        "reserve ELC5120 x4 for RO 1001          | ELC5120 | 1 | 4",
        "reserve 2 units of 1234 for RO 1001     | 1234    | 1 | 2",
        "add part BRK-2201 to RO 123             | BRK-2201 | 1 | 1",
        "RO 123 BRK2201 please                   | BRK2201 | 1 | 1",
        "$40 FLT3301 for RO 1001                 | FLT3301 | 1 | 1",
        "add part 1234 to RO 1234, qty 5         | 1234    | 5 | 5",
        // a negative or part count next to the part is not taken: the clause's own reading (no count) holds
        "add -2 of part 1234 to RO 1234          | 1234    | -1 | -1",
        "add 2.5 x part 1234 to RO 1234          | 1234    | -1 | -1",
        "add 1,000 x part 1234 to RO 1234        | 1234    | 1000 | 1000"})
    void readsTheCountNextToThePart(String clause, String part, int fallback, int expected) {
        assertThat(PartQuantities.of(clause, part, fallback)).isEqualTo(expected);
    }
}
