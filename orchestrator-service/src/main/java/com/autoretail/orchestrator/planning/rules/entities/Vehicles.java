package com.autoretail.orchestrator.planning.rules.entities;

import com.autoretail.orchestrator.planning.rules.entities.RequestEntities.Vehicle;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a vehicle: "2021 Toyota Camry", "Honda Civic 2019", "a Ford F-150", or "model Camry year 2021". */
final class Vehicles {

    private static final int CI = Pattern.CASE_INSENSITIVE;

    private static final Map<String, String> MAKES = Map.ofEntries(
            Map.entry("toyota", "Toyota"), Map.entry("honda", "Honda"), Map.entry("nissan", "Nissan"),
            Map.entry("ford", "Ford"), Map.entry("chevrolet", "Chevrolet"), Map.entry("chevy", "Chevrolet"),
            Map.entry("hyundai", "Hyundai"), Map.entry("kia", "Kia"), Map.entry("ram", "Ram"),
            Map.entry("volkswagen", "Volkswagen"), Map.entry("vw", "Volkswagen"), Map.entry("bmw", "BMW"),
            Map.entry("audi", "Audi"), Map.entry("mercedes", "Mercedes-Benz"), Map.entry("subaru", "Subaru"),
            Map.entry("mazda", "Mazda"), Map.entry("jeep", "Jeep"), Map.entry("dodge", "Dodge"),
            Map.entry("gmc", "GMC"), Map.entry("tesla", "Tesla"), Map.entry("lexus", "Lexus"),
            Map.entry("acura", "Acura"), Map.entry("volvo", "Volvo"), Map.entry("mitsubishi", "Mitsubishi"));

    private static final String YEAR = "(19[5-9]\\d|20[0-4]\\d)";
    private static final String NOT_A_MODEL = "(?!(?:for|with|and|or|to|in|on|at|from|vehicle|car|truck|suv|model"
            + "|year|part|parts|vehicles|cars|is|has|needs|please)\\b)";

    private static final Pattern MAKE_MODEL = Pattern.compile("\\b(?:" + YEAR + "\\s+)?("
            + String.join("|", MAKES.keySet()) + ")\\b(?:\\s+" + NOT_A_MODEL + "([A-Za-z0-9][A-Za-z0-9-]*))?"
            + "(?:\\s+" + YEAR + "\\b)?", CI);
    private static final Pattern MODEL = Pattern.compile("\\bmodel\\s*[:=]?\\s*([A-Za-z0-9][A-Za-z0-9-]*)", CI);
    private static final Pattern MODEL_YEAR = Pattern.compile("\\b(?:model\\s+)?year\\s*[:=]?\\s*" + YEAR + "\\b", CI);

    private static final int SHORT_MODEL = 3;

    private Vehicles() {
    }

    /** The vehicle the text names, or null when it names none. */
    static Vehicle in(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!mentionsVehicle(lower)) {
            return null;
        }
        Matcher found = MAKE_MODEL.matcher(text);
        String make = null;
        String model = null;
        Integer year = null;
        if (found.find()) {
            make = MAKES.get(found.group(2).toLowerCase(Locale.ROOT));
            model = found.group(3) == null ? null : model(found.group(3));
            String written = found.group(1) != null ? found.group(1) : found.group(4);
            year = written == null ? null : Integer.valueOf(written);
        }
        if (model == null) {
            Matcher named = MODEL.matcher(text);
            model = named.find() && !"year".equalsIgnoreCase(named.group(1)) ? model(named.group(1)) : null;
        }
        if (year == null) {
            Matcher named = MODEL_YEAR.matcher(text);
            year = named.find() ? Integer.valueOf(named.group(1)) : null;
        }
        return make == null && model == null && year == null ? null : new Vehicle(make, model, year);
    }

    /** A cheap look for a make or the words "model" and "year" before any pattern scans the text. */
    private static boolean mentionsVehicle(String lower) {
        if (lower.contains("model") || lower.contains("year")) {
            return true;
        }
        for (String make : MAKES.keySet()) {
            if (lower.contains(make)) {
                return true;
            }
        }
        return false;
    }

    /** "camry" → "Camry", "f-150" → "F-150", "rav4" → "RAV4"; a name typed with capitals stays as typed. */
    private static String model(String written) {
        if (!written.equals(written.toLowerCase(Locale.ROOT))) {
            return written;
        }
        boolean code = written.length() <= SHORT_MODEL || written.chars().anyMatch(c -> Character.isDigit(c) || c == '-');
        return code ? written.toUpperCase(Locale.ROOT)
                : Character.toUpperCase(written.charAt(0)) + written.substring(1);
    }
}
