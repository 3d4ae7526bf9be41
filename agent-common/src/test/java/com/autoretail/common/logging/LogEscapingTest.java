package com.autoretail.common.logging;

import com.autoretail.common.fixture.TestAgentApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleet's console log escapes control characters in every message: a logged value cannot forge a line. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TestAgentApp.class, properties = {"spring.ai.mcp.server.enabled=false"})
class LogEscapingTest {

    @Test
    void aValueWithLineBreaksStaysOnItsOwnLogLine(CapturedOutput output) {
        MDC.put("request_id", "req-77\nERROR forged-by-request-id");
        try {
            LoggerFactory.getLogger(LogEscapingTest.class)
                    .warn("Unknown step {}", "s1\r\n2026-01-01T00:00:00Z  INFO forged : payment approved\u0000\u001b[31m");
        } finally {
            MDC.remove("request_id");
        }

        String line = output.getOut().lines().filter(l -> l.contains("Unknown step")).findFirst().orElseThrow();
        assertThat(line).contains("Unknown step s1\\r\\n2026-01-01T00:00:00Z  INFO forged : payment approved"
                + "\\u0000\\u001b[31m");
        assertThat(line).contains("request_id=req-77\\nERROR forged-by-request-id", "WARN");
        assertThat(output.getOut().lines()).noneMatch(l -> l.startsWith("2026-01-01T00:00:00Z  INFO forged")
                || l.startsWith("ERROR forged-by-request-id"));
    }

    @Test
    void eachEventEndsItsOwnLine(CapturedOutput output) {
        LoggerFactory.getLogger(LogEscapingTest.class).info("first event");
        LoggerFactory.getLogger(LogEscapingTest.class).info("second event");

        assertThat(output.getOut()).doesNotContain("%n");
        assertThat(output.getOut().lines().filter(l -> l.contains("first event") || l.contains("second event")))
                .hasSize(2).allSatisfy(l -> assertThat(l).containsOnlyOnce("event"));
    }

    @Test
    void escapesEveryControlAndLineSeparatorCharacterAndLeavesTheRestAlone() {
        assertThat(EscapingConverter.escape("plain text, ümlaut, 🚗")).isEqualTo("plain text, ümlaut, 🚗");
        assertThat(EscapingConverter.escape("a\rb\nc\td\u007fe\u2028f\u0085"))
                .isEqualTo("a\\rb\\nc\\td\\u007fe\\u2028f\\u0085");
        assertThat(EscapingConverter.escape(null)).isNull();
    }
}
