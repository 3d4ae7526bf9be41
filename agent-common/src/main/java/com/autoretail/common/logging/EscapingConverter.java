package com.autoretail.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * What it wraps with its control characters escaped ({@code %escaped(%m)} in {@code logback-spring.xml}, and around
 * the MDC values of the level pattern): CR, LF and tab as {@code \r}, {@code \n}, {@code \t}, every other control
 * or line-separator character as {@code \\uXXXX}. A step id, session id or hold id that carries a line break then
 * stays inside its own line instead of forging the next one. Stack traces (after the message) keep their lines.
 */
public class EscapingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return escape(in);
    }

    /** The text with every control character escaped; the same text when it has none. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(EscapingConverter::needsEscape)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscape(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }
}
