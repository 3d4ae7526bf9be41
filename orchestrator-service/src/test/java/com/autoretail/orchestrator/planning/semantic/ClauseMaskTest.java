package com.autoretail.orchestrator.planning.semantic;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClauseMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            send a link to Jane.Doe+ro@example.co.uk           | send a link to <email>
            text PAY-1008E5 to +1-555-0107                      | text pay <id> to <phone>
            call (555) 010-7788                                 | call <phone>
            link of $1,250 for RO 1003                          | link of <amount> for RO <id>
            USD 45.10 on RO#1008                                | <amount> on ro <id>
            320.75 dollars for ro-1023                          | <amount> for ro <id>
            pay 100$ or €89 or 50 EUR or 199 bucks              | pay <amount> or <amount> or <amount> or <amount>
            reserve 4x BRK2210 and x2 FLT-3301                  | reserve <n> brk <id> and <n> flt <id>
            are 5 units of SKU000002 at STORE_001 available     | are <n> units of sku <id> at store <id> available
            tech TECH-011 is taking R.O. 1015                   | tech tech <id> is taking R.O. <id>
            is 12-AB-9 a valid part number?                     | is <id> a valid part number?
            does SUS4401 go on a 2020 F-150                     | does sus <id> go on a <id> f <id>
            """)
    void replacesValuesByPlaceholdersAndKeepsWhatAnIdSaysItIs(String clause, String masked) {
        assertThat(ClauseMask.mask(clause)).isEqualTo(masked);
    }
}
