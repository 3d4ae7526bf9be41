package com.autoretail.orchestrator.planning.rules.entities;

import com.autoretail.common.text.WrittenCounts;
import com.autoretail.orchestrator.planning.rules.entities.RequestEntities.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads amounts of money: {@code $100}, {@code 100$}, {@code 100 USD}, {@code 100 dollars}, {@code $1,250.50}. A
 * minus sign written against one ({@code -100$}, {@code -$100}) makes it negative, which the plan refuses, rather
 * than an amount to pay.
 */
final class Amounts {

    private static final int CI = Pattern.CASE_INSENSITIVE;

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3}){1,5}(?:\\.\\d{1,2})?|\\d{1,12}(?:\\.\\d{1,2})?)";

    // A comma after the number ends it unless digits follow: "$1,875.25, noah@..." is 1875.25.
    private static final Pattern SYMBOL_BEFORE = Pattern.compile("([$€£₹])\\s?" + NUMBER + "(?!\\d|,\\d)");
    // A symbol followed by a number is that number's: "RO 1006 $1,250" is 1250, not 1006.
    private static final Pattern SYMBOL_AFTER = Pattern.compile("\\b" + NUMBER + "\\s?([$€£₹])(?!\\s?\\d)");
    private static final Pattern CODE_AFTER = Pattern.compile("\\b" + NUMBER + "\\s?([A-Za-z]{3})\\b");
    // Before the number any ISO code in capitals ("USD 100"), in lower case only the common ones ("usd 100", never
    // "and 100"): the same test as after the number.
    private static final Pattern CODE_BEFORE = Pattern.compile("\\b([A-Za-z]{3})\\s?" + NUMBER + "\\b");
    private static final Pattern WORDS = Pattern.compile(
            "\\b" + NUMBER + "\\s?(dollars?|bucks|euros?|pounds?|rupees?)\\b", CI);
    // An amount without a currency, where the words leave no doubt that it is one ("refund 50").
    private static final Pattern BARE = Pattern.compile(
            "\\b(?:refund|amount|total|sum)\\s+(?:of\\s+)?" + NUMBER + "\\b(?![.,]\\d)(?!\\s*(?:%|units?\\b"
                    + "|[$€£₹]|[A-Za-z]{3}\\b))", CI);

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "₹", "INR");
    private static final Map<String, String> WORD_CURRENCIES = Map.of(
            "dollar", "USD", "buck", "USD", "euro", "EUR", "pound", "GBP", "rupee", "INR");

    // Written in lower case, only the common codes count: "100 try" or "50 all" are not Turkish lira or Albanian lek.
    private static final Set<String> COMMON_CODES = Set.of("usd", "eur", "gbp", "inr", "cad", "aud", "jpy", "chf",
            "cny", "mxn", "sek", "nok", "dkk", "nzd", "sgd", "hkd", "zar", "brl");
    private static final Set<String> ISO_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private record Found(int start, int end, Money money) {
    }

    private Amounts() {
    }

    static List<Money> in(String text) {
        if (!hasDigit(text)) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        collect(text, SYMBOL_BEFORE.matcher(text), 2, m -> SYMBOLS.get(m.group(1)), found);
        collect(text, SYMBOL_AFTER.matcher(text), 1, m -> SYMBOLS.get(m.group(2)), found);
        collect(text, CODE_AFTER.matcher(text), 1, m -> code(m.group(2)), found);
        collect(text, CODE_BEFORE.matcher(text), 2, m -> code(m.group(1)), found);
        collect(text, WORDS.matcher(text), 1, m -> wordCurrency(m.group(2)), found);
        collect(text, BARE.matcher(text), 1, m -> "", found);
        found.sort((a, b) -> Integer.compare(a.start, b.start));
        List<Money> amounts = new ArrayList<>(found.size());
        int end = -1;
        for (Found one : found) {
            if (one.start >= end) {
                amounts.add(one.money);
                end = one.end;
            }
        }
        return amounts;
    }

    private interface CurrencyOf {
        String of(Matcher matcher);
    }

    private static void collect(String text, Matcher matcher, int numberGroup, CurrencyOf currencyOf,
                                List<Found> found) {
        while (matcher.find()) {
            String currency = currencyOf.of(matcher);
            if (currency != null) {
                BigDecimal value = new BigDecimal(matcher.group(numberGroup).replace(",", ""));
                // against the number ("-100$") or the symbol that opens it ("-$100"; "$-100" is no amount at all):
                // refused as an amount, never paid as its absolute value
                if (WrittenCounts.minusBefore(text, matcher.start(numberGroup))
                        || WrittenCounts.minusBefore(text, matcher.start())) {
                    value = value.negate();
                }
                found.add(new Found(matcher.start(), matcher.end(),
                        new Money(value, currency.isEmpty() ? null : currency)));
            }
        }
    }

    /** Whether the letters are an ISO-4217 code, as in "USD45", which is an amount and no part number. */
    static boolean isCurrency(String upperCaseLetters) {
        return ISO_CODES.contains(upperCaseLetters);
    }

    private static String code(String written) {
        String upper = written.toUpperCase(Locale.ROOT);
        boolean accepted = written.equals(upper) ? ISO_CODES.contains(upper) : COMMON_CODES.contains(written.toLowerCase(Locale.ROOT));
        return accepted ? upper : null;
    }

    private static String wordCurrency(String word) {
        String singular = word.toLowerCase(Locale.ROOT);
        if (singular.endsWith("s")) {
            singular = singular.substring(0, singular.length() - 1);
        }
        return WORD_CURRENCIES.get(singular);
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
