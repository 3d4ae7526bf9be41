package com.autoretail.orchestrator.planning.semantic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the values in a clause by placeholders before it is embedded, examples and requests alike: what a clause
 * asks for is in its words, not in its ids, and a model that has never seen {@code PAY-1008E5} or {@code 12-AB-9}
 * turns them into word pieces that pull the vector anywhere. An id keeps its letter prefix as a word
 * ({@code TECH-011} gives {@code tech <id>}, {@code RO#1002} gives {@code ro <id>}), since the prefix often says what
 * the id is; amounts, emails and phone numbers become {@code <amount>}, {@code <email>} and {@code <phone>}, small
 * counts ({@code 2}, {@code 4x}) {@code <n>}.
 */
final class ClauseMask {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    /** International numbers ({@code +1-555-0107}) and North American ones ({@code (555) 010-7788}). */
    private static final Pattern PHONE = Pattern.compile(
            "\\+\\d[\\d\\s.()-]{5,}\\d|\\(?\\b\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}\\b");

    private static final String CURRENCY_WORD = "(?:usd|eur|gbp|cad|dollars?|bucks|euros?|pounds?)";

    /** A number with its currency before it ({@code $1,250}, {@code USD 45.10}) or after it ({@code 100$}). */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:[$€£]|\\b(?:usd|eur|gbp|cad)\\b)\\s?\\d[\\d,]*(?:\\.\\d+)?"
                    + "|\\b\\d[\\d,]*(?:\\.\\d+)?\\s?(?:[$€£]|" + CURRENCY_WORD + "\\b)",
            Pattern.CASE_INSENSITIVE);

    /** A count: one or two digits, alone or as {@code 4x} / {@code x4}. */
    private static final Pattern COUNT = Pattern.compile("(?<![\\w#.-])x?\\d{1,2}x?(?![\\w#-]|\\.\\d)",
            Pattern.CASE_INSENSITIVE);

    /** Any other run holding a digit: an id, a part number, a SKU, a year; its letters before the first digit. */
    private static final Pattern ID = Pattern.compile("(?<![\\w#.-])([A-Za-z]*)[#._-]*\\d[\\w#.-]*");

    private ClauseMask() {
    }

    static String mask(String clause) {
        String masked = EMAIL.matcher(clause).replaceAll(" <email> ");
        masked = PHONE.matcher(masked).replaceAll(" <phone> ");
        masked = AMOUNT.matcher(masked).replaceAll(" <amount> ");
        masked = COUNT.matcher(masked).replaceAll(" <n> ");
        Matcher ids = ID.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            String prefix = ids.group(1).toLowerCase(Locale.ROOT);
            ids.appendReplacement(out, Matcher.quoteReplacement(" " + prefix + " <id> "));
        }
        ids.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }
}
