package com.autoretail.common.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts as people write them, read from the digits a pattern found (marked by the brackets) and their surroundings. */
class WrittenCountsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I want [2] units                  | 2
            I want 1,[000] units              | 1000
            I want [1],000 units              | 1000
            I want 12,345,[678] units         | 12345678
            I want [0005] units               | 5
            I want [999999999999] units       | 2147483647
            I want -[5] units                 | -1
            I want −[5] units                 | -1
            I want 2.[5] units                | -1
            I want [2].5 units                | -1
            I want 2-[3] units                | -1
            I want 1,500.[75] units           | -1
            I want 12,34,[567] units          | -1
            for a,[2] units                   | 2
            I want [5]. Thanks                | 5
            I want [5], thanks                | 5
            """)
    void readsTheWholeNumberTheDigitsBelongTo(String marked, int count) {
        int start = marked.indexOf('[');
        int end = marked.indexOf(']') - 1;
        String text = marked.replace("[", "").replace("]", "");

        assertThat(WrittenCounts.at(text, start, end)).isEqualTo(count);
    }
}
