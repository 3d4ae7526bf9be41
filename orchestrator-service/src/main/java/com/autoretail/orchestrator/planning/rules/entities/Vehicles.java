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

    // Models written without their make ("a 2017 Silverado"), and the make they give away.
    private static final Map<String, String> MODELS = Map.ofEntries(
            Map.entry("camry", "Toyota"), Map.entry("corolla", "Toyota"), Map.entry("rav4", "Toyota"),
            Map.entry("tacoma", "Toyota"), Map.entry("tundra", "Toyota"), Map.entry("highlander", "Toyota"),
            Map.entry("prius", "Toyota"), Map.entry("civic", "Honda"), Map.entry("accord", "Honda"),
            Map.entry("cr-v", "Honda"), Map.entry("pilot", "Honda"), Map.entry("odyssey", "Honda"),
            Map.entry("altima", "Nissan"), Map.entry("sentra", "Nissan"), Map.entry("rogue", "Nissan"),
            Map.entry("f-150", "Ford"), Map.entry("f150", "Ford"), Map.entry("escape", "Ford"),
            Map.entry("explorer", "Ford"), Map.entry("mustang", "Ford"), Map.entry("silverado", "Chevrolet"),
            Map.entry("malibu", "Chevrolet"), Map.entry("equinox", "Chevrolet"), Map.entry("tahoe", "Chevrolet"),
            Map.entry("elantra", "Hyundai"), Map.entry("sonata", "Hyundai"), Map.entry("tucson", "Hyundai"),
            Map.entry("wrangler", "Jeep"), Map.entry("outback", "Subaru"), Map.entry("forester", "Subaru"),
            Map.entry("jetta", "Volkswagen"), Map.entry("golf", "Volkswagen"), Map.entry("cx-5", "Mazda"));

    private static final String YEAR = "(19[5-9]\\d|20[0-4]\\d)";
    private static final String NOT_A_MODEL = "(?!(?:for|with|and|or|to|in|on|at|from|vehicle|car|truck|suv|model"
            + "|year|part|parts|vehicles|cars|is|has|needs|please)\\b)";

    // A trim number after the model is the model's ("Silverado 1500", "Sierra 2500"), a year is not.
    private static final String TRIM = "(?:\\s+(?!(?:19[5-9]\\d|20[0-4]\\d)\\b)\\d{3,4}\\b)?";
    private static final Pattern MAKE_MODEL = Pattern.compile("\\b(?:" + YEAR + "\\s+)?("
            + String.join("|", MAKES.keySet()) + ")\\b(?:\\s+" + NOT_A_MODEL + "([A-Za-z0-9][A-Za-z0-9-]*" + TRIM + "))?"
            + "(?:\\s+" + YEAR + "\\b)?", CI);
    // Without a make, a year then a model code as badges print it, with a dash or digits: "a 2020 F-150", "2019 CX-5".
    private static final Pattern MODEL_ONLY = Pattern.compile("\\b(?:" + YEAR + "\\s+)?("
            + String.join("|", MODELS.keySet()) + ")(" + TRIM + ")(?:\\s+" + YEAR + ")?\\b", CI);
    // Never a repair order's number ("RO 2020 BRK-2201").
    private static final Pattern YEAR_CODE = Pattern.compile("(?<!(?:\\bro|\\br\\.o\\.|\\border|#)\\s{0,2})\\b" + YEAR
            + "\\s+([A-Za-z]{1,3}-\\d{1,4}|[A-Za-z]{1,3}\\d)\\b", CI);
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
        if (make == null && model == null) {
            Matcher known = MODEL_ONLY.matcher(text);
            Matcher code = YEAR_CODE.matcher(text);
            if (known.find()) {
                make = MODELS.get(known.group(2).toLowerCase(Locale.ROOT));
                model = model(known.group(2) + known.group(3));
                String written = known.group(1) != null ? known.group(1) : known.group(4);
                year = written == null ? year : Integer.valueOf(written);
            } else if (code.find()) {
                year = Integer.valueOf(code.group(1));
                model = model(code.group(2));
            }
        }
        return make == null && model == null && year == null ? null : new Vehicle(make, model, year);
    }

    /** A cheap look for a make or the words "model" and "year" before any pattern scans the text. */
    private static boolean mentionsVehicle(String lower) {
        if (lower.contains("model") || lower.contains("year") || lower.contains(" 19") || lower.contains(" 20")) {
            return true;
        }
        for (String make : MAKES.keySet()) {
            if (lower.contains(make)) {
                return true;
            }
        }
        for (String model : MODELS.keySet()) {
            if (lower.contains(model)) {
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
