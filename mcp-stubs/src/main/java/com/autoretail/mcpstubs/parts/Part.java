package com.autoretail.mcpstubs.parts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A catalogue part with its current stock; a stock change makes a new instance. */
record Part(String partNumber, String name, String category, String description, String manufacturer,
        BigDecimal price, String currency, int stock, int leadTimeDays, int warrantyMonths, boolean universal,
        List<Fitment> fitment) {

    Part {
        fitment = List.copyOf(fitment != null ? fitment : List.of());
    }

    /** Vehicles a part fits: one make and model over a range of model years. */
    record Fitment(String make, String model, int yearFrom, int yearTo) {

        boolean matches(String wantedMake, String wantedModel) {
            return (wantedMake == null || simplify(make).equals(simplify(wantedMake)))
                    && (wantedModel == null || simplify(model).equals(simplify(wantedModel)));
        }

        boolean covers(int year) {
            return year >= yearFrom && year <= yearTo;
        }

        @Override
        public String toString() {
            return make + " " + model + " " + yearFrom + "-" + yearTo;
        }

    }

    Part withStock(int newStock) {
        return new Part(partNumber, name, category, description, manufacturer, price, currency, newStock, leadTimeDays,
                warrantyMonths, universal, fitment);
    }

    boolean available() {
        return stock > 0;
    }

    /** Whether every word appears in the part's name, category, description or number. */
    boolean mentions(List<String> words) {
        String text = (name + " " + category + " " + description + " " + partNumber).toLowerCase(Locale.ROOT);
        return words.stream().allMatch(text::contains);
    }

    /** Whether the part fits; a null criterion matches anything. */
    boolean fits(String make, String model, Integer year) {
        return universal || fitment.stream()
            .anyMatch(fit -> fit.matches(make, model) && (year == null || fit.covers(year)));
    }

    /** The first fitment of the make and model, whatever the year. */
    Optional<Fitment> fitmentFor(String make, String model) {
        return fitment.stream().filter(fit -> fit.matches(make, model)).findFirst();
    }

    /** "F-150", "f150" and "F 150" name the same model. */
    static String simplify(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

}
