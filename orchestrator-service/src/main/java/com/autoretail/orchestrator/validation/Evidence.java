package com.autoretail.orchestrator.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request (and its context) gives a plan to work with: its ids, amounts, emails and phone numbers, each in a
 * normalised form, so that a value a planner carried over in another spelling still counts as given and a value it
 * made up does not. Ids compare as upper-case letters and digits only (the text's {@code RO-1234}, {@code RO#1234}
 * and {@code RO 1234} all give {@code 1234} and {@code RO1234}; {@code TECH-007} gives {@code TECH007}); amounts as
 * numbers ({@code $1,250} gives 1250 and 1250.00); emails without case; phone numbers as their digits.
 */
final class Evidence {

    // A word of letters and digits, with the separators ids are written with inside it (RO-1234, R.O.#1234, 12-AB-9).
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-_./#:][\\p{L}\\p{N}]+)*");
    private static final Pattern SEPARATOR = Pattern.compile("[-_./#:]");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** What may be a phone number in free text; {@link #phonesIn} keeps those with enough digits. */
    private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d ().-]{5,}\\d|\\(?\\d[\\d ().-]{8,}\\d");

    /** The fewest digits a phone number has; two numbers agree when one ends with the other (a country code). */
    static final int MIN_PHONE_DIGITS = 7;
    /** Without a leading +, fewer digits are a date or a list of numbers more often than a phone number. */
    private static final int MIN_BARE_PHONE_DIGITS = 10;
    // "R.O.#1234" has three pieces; joins of more than this many pieces never name anything.
    private static final int MAX_JOINED_PIECES = 4;

    private final String text;
    private final Set<String> ids = new HashSet<>();
    private final Set<BigDecimal> amounts = new HashSet<>();
    private final Set<String> emails = new HashSet<>();
    private final List<String> phones = new ArrayList<>();

    private Evidence(String text) {
        this.text = text.toLowerCase(Locale.ROOT);
    }

    /** The evidence of a request and every value (not key) of its context, nested ones included. */
    static Evidence of(String request, Map<String, ?> context) {
        StringBuilder all = new StringBuilder(request == null ? "" : request);
        collectValues(context, all);
        Evidence evidence = new Evidence(all.toString());
        evidence.read(all.toString());
        return evidence;
    }

    /** The request in lower case, for the words that ask for an operation. */
    String text() {
        return text;
    }

    boolean hasId(String value) {
        return ids.contains(canonicalId(value));
    }

    boolean hasAmount(BigDecimal value) {
        return value != null && amounts.stream().anyMatch(amount -> amount.compareTo(value) == 0);
    }

    boolean hasEmail(String value) {
        return emails.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    boolean hasPhone(String value) {
        String digits = digits(value);
        if (digits.length() < MIN_PHONE_DIGITS) {
            return false;
        }
        return phones.stream().anyMatch(phone -> phone.endsWith(digits) || digits.endsWith(phone));
    }

    /** An amount as written in a parameter ({@code 1250}, {@code "1,250.00"}, {@code "$45.10"}), or null. */
    static BigDecimal amount(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String written) {
            Matcher number = NUMBER.matcher(written);
            if (number.find()) {
                return new BigDecimal(number.group().replace(",", ""));
            }
        }
        return null;
    }

    static String canonicalId(String value) {
        String kept = value.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        // RO 0042 and RO 42 are one repair order to a person; a number keeps no leading zeros here.
        return kept.chars().allMatch(Character::isDigit) && kept.length() > 1
                ? kept.replaceFirst("^0+(?=\\d)", "") : kept;
    }

    /** The digits of each phone number written in the text. */
    static List<String> phonesIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            String digits = digits(phone.group());
            if (digits.length() >= (phone.group().startsWith("+") ? MIN_PHONE_DIGITS : MIN_BARE_PHONE_DIGITS)) {
                found.add(digits);
            }
        }
        return found;
    }

    static String digits(String value) {
        return value.replaceAll("\\D", "");
    }

    private void read(String all) {
        Matcher email = EMAIL.matcher(all);
        while (email.find()) {
            emails.add(email.group().toLowerCase(Locale.ROOT));
        }
        phones.addAll(phonesIn(all));
        Matcher number = NUMBER.matcher(all);
        while (number.find()) {
            amounts.add(new BigDecimal(number.group().replace(",", "")));
        }
        Matcher token = TOKEN.matcher(all);
        String previous = null;
        while (token.find()) {
            String word = token.group();
            addPieces(word);
            if (previous != null) {
                // "RO 1234" grounds RO1234, "TECH 007" TECH007
                ids.add(canonicalId(previous + word));
            }
            previous = word;
        }
    }

    private void addPieces(String word) {
        ids.add(canonicalId(word));
        String[] pieces = SEPARATOR.split(word);
        for (int from = 0; from < pieces.length; from++) {
            StringBuilder joined = new StringBuilder();
            for (int to = from; to < pieces.length && to - from < MAX_JOINED_PIECES; to++) {
                joined.append(pieces[to]);
                ids.add(canonicalId(joined.toString()));
            }
        }
    }

    private static void collectValues(Object value, StringBuilder into) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collectValues(item, into));
        } else if (value instanceof Iterable<?> list) {
            list.forEach(item -> collectValues(item, into));
        } else if (value != null) {
            into.append('\n').append(value);
        }
    }
}
