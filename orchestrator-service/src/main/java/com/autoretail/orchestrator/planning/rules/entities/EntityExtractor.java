package com.autoretail.orchestrator.planning.rules.entities;

import com.autoretail.common.text.WrittenCounts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dealer's ids out of free text: repair orders, parts, amounts, emails, SKUs, statuses, technicians,
 * payments, customers, vehicles, quantities, locations. Every pattern is compiled once; extraction is a handful of
 * regex scans over a short text.
 */
public final class EntityExtractor {

    private static final int CI = Pattern.CASE_INSENSITIVE;

    // A number that is a quantity or an amount is not an id: "RO 1234 and 100$", "parts 1234 and 2 units", nor is
    // the whole part of a decimal ("RO 1023, 320.75 dollars"). A symbol before a number is that number's
    // ("RO 1006 $1,250").
    private static final String NOT_COUNT = "(?!\\.\\d)(?!\\s*(?:[$€£₹](?!\\s?\\d)|%|usd\\b|eur\\b|dollars?\\b"
            + "|units?\\b|pcs\\b|pieces\\b|of\\b))";
    private static final String RO_NUMBER = "\\d{3,10}\\b" + NOT_COUNT;
    // Part numbers as the dealer writes them: letters and digits, groups joined by dashes (BRK-2201, 12-AB-9).
    private static final String PART_ID = "(?=[A-Za-z-]{0,20}\\d)[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,4}\\b"
            + NOT_COUNT;

    // "RO 1234", "RO number 1234", "RO#1234", "ro1234", "R.O. 1234", "R/O 1234", "repair order 1234",
    // "ROs 1001 and 1002"
    private static final Pattern REPAIR_ORDERS = Pattern.compile(
            "(?:\\bROs?|\\bR\\.O\\.|\\bR/O|\\brepair[\\s-]+orders?)\\s*(?:numbers?|nos?\\.?|num"
                    + "|ids?)?\\s*[#:]?\\s*-?\\s*("
                    + RO_NUMBER + "(?:\\s*(?:,|&|\\band\\b|\\bor\\b)\\s*(?:RO\\s*)?#?\\s*" + RO_NUMBER + "){0,20})", CI);
    private static final Pattern DIGITS = Pattern.compile("\\d{3,10}");

    // "part 1234", "part number BP100", "parts 1234 and 5678", "part #1234, part 5678", "part BRK-2201"
    private static final Pattern PARTS = Pattern.compile(
            "\\bparts?\\s*(?:numbers?|nos?\\.?|num|ids?|#)?\\s*[#:]?\\s*(" + PART_ID
                    + "(?:\\s*(?:,|&|\\+|\\band\\b|\\bor\\b)\\s*(?:parts?\\s*(?:numbers?|nos?\\.?)?\\s*)?[#:]?\\s*"
                    + PART_ID + "){0,20})", CI);
    private static final Pattern PART_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9-])(?=[A-Za-z-]{0,20}\\d)[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,4}(?![A-Za-z0-9-])");
    // A part number without the word "part", as catalogues print them: capitals then digits (BRK-2201, FLT3301).
    // Also digits first, in dashed groups with letters in one of them (12-AB-9, 77-XY-12): a phone number or a date
    // has no letters.
    private static final Pattern BARE_PART = Pattern.compile(
            "(?<![A-Za-z0-9-])([A-Z]{2,6}-?\\d{2,8}(?:-[A-Z0-9]{1,8}){0,3}"
                    + "|\\d{1,6}-(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{1,8}(?:-[A-Z0-9]{1,8}){0,3})(?![A-Za-z0-9-])");
    // Prefixes of the other ids: "TECH-007" or "SKU000001" are no part numbers (nor is "USD45", see Amounts).
    private static final Pattern NOT_A_PART = Pattern.compile("^(?:RO|TECH|CUST|VEH|PAY|RES|SKU|STORE|HOLD|VIN)");
    private static final Pattern LETTERS = Pattern.compile("^[A-Z]+");

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}");
    // The inventory agent accepts SKU followed by six digits only, so "sku-000001" is read as SKU000001.
    private static final Pattern SKU = Pattern.compile("\\bSKU[-_ ]?(\\d{6})\\b", CI);
    // Ids are carried as written (upper-cased, with their dash or underscore): the dealer's systems decide their form.
    private static final Pattern TECHNICIAN = Pattern.compile("\\b(TECH)([-_]?|\\s)(\\d[A-Z0-9]{0,11})\\b", CI);
    private static final Pattern PAYMENT = Pattern.compile("\\bPAY[-_][A-Z0-9]{4,20}\\b", CI);
    private static final Pattern RESERVATION = Pattern.compile("\\bRES[-_]?\\d{1,12}\\b", CI);
    private static final Pattern HOLD = Pattern.compile("\\bhold[-_](?=[A-Za-z0-9-]{0,60}\\d)[A-Za-z0-9]{2,36}"
            + "(?:-[A-Za-z0-9]{1,36}){0,6}\\b", CI);
    private static final Pattern CUSTOMER_CODE = Pattern.compile("\\b(CUST)([-_]?)(\\d[A-Z0-9]{0,11})\\b", CI);
    private static final Pattern CUSTOMER_NAMED = Pattern.compile(
            "\\b(?:customer|client)(?:\\s+id)?\\s*[:#]?\\s*([A-Za-z][A-Za-z0-9_.-]{2,40})", CI);
    private static final Set<String> NOT_CUSTOMER = Set.of("a", "an", "the", "and", "or", "for", "with", "to", "of",
            "on", "in", "at", "by", "email", "e-mail", "mail", "id", "is", "was", "has", "had", "who", "whose", "name",
            "phone", "approval", "request", "requested", "asked", "asks", "wants", "says", "said", "called", "will",
            "can", "account", "number", "record", "via", "about", "that", "this", "payment", "vehicle", "car",
            "approved", "agreed", "accepted", "okayed", "signed", "gave", "just", "have", "collected", "picked");
    private static final Pattern VEHICLE_CODE = Pattern.compile("\\b(VEH)([-_]?)(\\d[A-Z0-9]{0,11})\\b", CI);
    private static final Pattern VIN = Pattern.compile("\\bVIN\\s*[:#]?\\s*([A-HJ-NPR-Z0-9]{17})\\b", CI);

    private static final Pattern[] QUANTITIES = {
            Pattern.compile("\\b(\\d{1,3})\\s*(?:x\\b|units?\\b|pcs\\b|pieces?\\b|items?\\b|sets?\\b|of\\b)", CI),
            // more digits only before a word that makes them a count: "1500 units" is no repair order
            Pattern.compile("\\b(\\d{4,})\\s*(?:units?\\b|pcs\\b|pieces?\\b|items?\\b)", CI),
            Pattern.compile("\\b(?:qty|quantity)\\s*(?:of\\s*)?[:=]?\\s*(\\d{1,3})\\b", CI),
            Pattern.compile("\\bx\\s?(\\d{1,3})\\b", CI),
            Pattern.compile("\\b(\\d{1,3})\\s+(?=sku)", CI),
            Pattern.compile("\\b(one|two|three|four|five|six|seven|eight|nine|ten|a\\s+pair\\s+of|a\\s+couple\\s+of)"
                    + "\\s+(?=units?\\b|pieces?\\b|pcs\\b|sets?\\b|items?\\b|of\\b|parts?\\b|x\\b|sku)", CI)};
    private static final List<String> NUMBER_WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    private static final Pattern STORE = Pattern.compile("\\bSTORE([-_]?|\\s)(\\d{1,6})\\b", CI);
    private static final Pattern ONLINE = Pattern.compile("\\bonline\\b", CI);
    private static final Pattern TTL = Pattern.compile(
            "\\bfor\\s+(\\d{1,5})\\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?)\\b", CI);

    private static final int SECONDS_PER_MINUTE = 60;
    private static final int SECONDS_PER_HOUR = 3600;

    /** The entities of a text: a clause, or a whole request. */
    public RequestEntities extract(String text) {
        // The address pattern backtracks at every position; most requests have no '@' at all.
        List<String> emails = text.indexOf('@') < 0 ? List.of() : all(EMAIL.matcher(text), 0);
        // Ids inside an address ("parts123@dealer.com") are not entities of the request.
        String rest = emails.isEmpty() ? text : EMAIL.matcher(text).replaceAll(" ");
        RequestEntities.Vehicle vehicle = Vehicles.in(rest);
        return new RequestEntities(
                listed(REPAIR_ORDERS.matcher(rest), DIGITS, false),
                parts(rest, vehicle),
                Amounts.in(rest),
                emails,
                prefixed(SKU.matcher(rest), "SKU"),
                StatusPhrases.in(rest),
                codes(TECHNICIAN.matcher(rest)),
                upper(all(PAYMENT.matcher(rest), 0)),
                upper(all(RESERVATION.matcher(rest), 0)),
                all(HOLD.matcher(rest), 0),
                customers(rest),
                vehicleIds(rest),
                vehicle,
                quantity(rest),
                location(rest),
                ttl(rest));
    }

    private static List<String> listed(Matcher matcher, Pattern token, boolean upperCase) {
        Set<String> found = new LinkedHashSet<>();
        while (matcher.find()) {
            Matcher each = token.matcher(matcher.group(1));
            while (each.find()) {
                found.add(upperCase ? each.group().toUpperCase(Locale.ROOT) : each.group());
            }
        }
        return List.copyOf(found);
    }

    /**
     * Part numbers after the word "part", then those written bare in a catalogue's capitals, unless they are another
     * kind of id or the vehicle's model (a Mazda CX-50). Upper-cased: the parts system reads them in any case.
     */
    private static List<String> parts(String text, RequestEntities.Vehicle vehicle) {
        Set<String> found = new LinkedHashSet<>(listed(PARTS.matcher(text), PART_TOKEN, true));
        Matcher bare = BARE_PART.matcher(text);
        while (bare.find()) {
            String token = bare.group(1);
            Matcher letters = LETTERS.matcher(token);
            if (!NOT_A_PART.matcher(token).lookingAt() && !(letters.lookingAt() && Amounts.isCurrency(letters.group()))
                    && (vehicle == null || !token.equalsIgnoreCase(vehicle.model()))) {
                found.add(token);
            }
        }
        return List.copyOf(found);
    }

    private static List<String> all(Matcher matcher, int group) {
        Set<String> found = new LinkedHashSet<>();
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return List.copyOf(found);
    }

    private static List<String> prefixed(Matcher matcher, String prefix) {
        return all(matcher, 1).stream().map(number -> prefix + number).toList();
    }

    /**
     * Codes of a prefix, a separator and a number, as written ({@code TECH-007}, {@code TECH_007}, {@code TECH007}),
     * upper-cased; a space is no part of an id, so {@code TECH 007} is {@code TECH007}.
     */
    private static List<String> codes(Matcher matcher) {
        Set<String> found = new LinkedHashSet<>();
        while (matcher.find()) {
            found.add(code(matcher));
        }
        return List.copyOf(found);
    }

    private static String code(Matcher matcher) {
        String separator = matcher.group(2).isBlank() ? "" : matcher.group(2);
        return (matcher.group(1) + separator + matcher.group(3)).toUpperCase(Locale.ROOT);
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(value -> value.toUpperCase(Locale.ROOT)).toList();
    }

    private static List<String> customers(String text) {
        Set<String> found = new LinkedHashSet<>(codes(CUSTOMER_CODE.matcher(text)));
        Matcher named = CUSTOMER_NAMED.matcher(text);
        while (named.find()) {
            String id = withoutTrailingPunctuation(named.group(1));
            Matcher code = CUSTOMER_CODE.matcher(id);
            if (code.matches()) {
                found.add(code(code));
            } else if (!NOT_CUSTOMER.contains(id.toLowerCase(Locale.ROOT))) {
                found.add(id);
            }
        }
        return List.copyOf(found);
    }

    private static String withoutTrailingPunctuation(String id) {
        int end = id.length();
        while (end > 0 && (id.charAt(end - 1) == '.' || id.charAt(end - 1) == '-')) {
            end--;
        }
        return id.substring(0, end);
    }

    private static List<String> vehicleIds(String text) {
        Set<String> found = new LinkedHashSet<>(codes(VEHICLE_CODE.matcher(text)));
        found.addAll(upper(all(VIN.matcher(text), 1)));
        return List.copyOf(found);
    }

    private static Integer quantity(String text) {
        Integer quantity = null;
        int earliest = Integer.MAX_VALUE;
        for (Pattern pattern : QUANTITIES) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find() && matcher.start() < earliest) {
                earliest = matcher.start();
                quantity = count(text, matcher, 1);
            }
        }
        return quantity;
    }

    /**
     * The count a pattern's group found in {@code text}: digits as {@link WrittenCounts} reads them with what is
     * written around them ("1,000"; "-2" and "2.5" are no count, which the plan refuses), a number word up
     * to ten, or "a pair of" / "a couple of" (2).
     */
    public static int count(String text, Matcher matcher, int group) {
        String written = matcher.group(group).toLowerCase(Locale.ROOT);
        if (Character.isDigit(written.charAt(0))) {
            return WrittenCounts.at(text, matcher.start(group), matcher.end(group));
        }
        int word = NUMBER_WORDS.indexOf(written);
        return word >= 0 ? word : 2; // "a pair of", "a couple of"
    }

    private static String location(String text) {
        Matcher store = STORE.matcher(text);
        if (store.find()) {
            // As written; without a separator in the inventory's own form, STORE_001.
            String separator = store.group(1).isBlank() ? "_" : store.group(1);
            return "STORE" + separator + store.group(2);
        }
        return ONLINE.matcher(text).find() ? "online" : null;
    }

    private static Integer ttl(String text) {
        Matcher matcher = TTL.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        int amount = Integer.parseInt(matcher.group(1));
        char unit = Character.toLowerCase(matcher.group(2).charAt(0));
        return unit == 'h' ? amount * SECONDS_PER_HOUR : unit == 'm' ? amount * SECONDS_PER_MINUTE : amount;
    }
}
