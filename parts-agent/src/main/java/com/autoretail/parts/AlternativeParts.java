package com.autoretail.parts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * {@code get_alternative_parts}: the part's details, then the parts of the same category (through
 * {@code search_parts}, filtered to the vehicle when one is given), in stock, the original first and the others
 * ranked by how alike their names are, then by how close their price is.
 */
final class AlternativeParts {

    static final List<String> VEHICLE_PARAMETERS = List.of("vehicle_make", "vehicle_model", "vehicle_year");

    /** One part that can be used: the original or an alternative. */
    record Candidate(String partNumber, String name, String category, String manufacturer, BigDecimal price,
                     String currency, int stock, boolean original, double nameSimilarity,
                     BigDecimal priceDifference) {
    }

    /**
     * The answer.
     *
     * @param original         the part's full details, plus whether it fits the vehicle (null without a vehicle)
     * @param parts            what can be used: the original first when it is in stock and fits, then the
     *                         alternatives, best first
     * @param alternativeCount how many of {@code parts} are alternatives
     */
    record Result(String partNumber, String category, Map<String, Object> vehicle, Map<String, Object> original,
                  Boolean originalFitsVehicle, boolean originalAvailable, List<Candidate> parts,
                  int alternativeCount) {
    }

    private final BiFunction<String, Map<String, Object>, Object> mcp;

    AlternativeParts(BiFunction<String, Map<String, Object>, Object> mcp) {
        this.mcp = mcp;
    }

    Result find(Map<String, Object> parameters) {
        Map<String, Object> original = map(mcp.apply("get_part_details",
                Map.of("part_number", parameters.get("part_number"))));
        String number = text(original.get("part_number"));
        String category = text(original.get("category"));

        Map<String, Object> vehicle = new LinkedHashMap<>();
        VEHICLE_PARAMETERS.stream().filter(key -> parameters.get(key) != null)
                .forEach(key -> vehicle.put(key, parameters.get(key)));
        Map<String, Object> search = new LinkedHashMap<>(vehicle);
        search.put("part_name", category);
        search.put("category", category);
        List<Map<String, Object>> sameCategory = list(map(mcp.apply("search_parts", search)).get("parts"));

        boolean fits = vehicle.isEmpty()
                || sameCategory.stream().anyMatch(part -> number.equalsIgnoreCase(text(part.get("part_number"))));
        boolean available = Boolean.TRUE.equals(original.get("available"));
        BigDecimal price = decimal(original.get("price"));
        Set<String> words = words(text(original.get("name")));

        Stream<Candidate> first = fits && available
                ? Stream.of(candidate(original, true, 1.0, price)) : Stream.empty();
        List<Candidate> alternatives = sameCategory.stream()
                .filter(part -> !number.equalsIgnoreCase(text(part.get("part_number"))))
                .filter(part -> Boolean.TRUE.equals(part.get("available")))
                .map(part -> candidate(part, false, similarity(words, words(text(part.get("name")))), price))
                .sorted(Comparator.comparingDouble(Candidate::nameSimilarity).reversed()
                        .thenComparing(Candidate::priceDifference, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Candidate::partNumber))
                .toList();
        List<Candidate> parts = Stream.concat(first, alternatives.stream()).toList();
        return new Result(number, category, vehicle.isEmpty() ? null : vehicle, original,
                vehicle.isEmpty() ? null : fits, available, parts, alternatives.size());
    }

    private static Candidate candidate(Map<String, Object> part, boolean original, double similarity,
                                       BigDecimal originalPrice) {
        BigDecimal price = decimal(part.get("price"));
        BigDecimal difference = price == null || originalPrice == null ? null : price.subtract(originalPrice).abs();
        int stock = part.get("stock") instanceof Number n ? n.intValue() : 0;
        return new Candidate(text(part.get("part_number")), text(part.get("name")), text(part.get("category")),
                text(part.get("manufacturer")), price, text(part.get("currency")), stock, original,
                Math.round(similarity * 100) / 100.0, difference);
    }

    /** Shared words over all words (Jaccard) of two part names. */
    private static double similarity(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 0;
        }
        return a.stream().filter(b::contains).count() / (double) union.size();
    }

    private static Set<String> words(String name) {
        return new HashSet<>(Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(word -> !word.isEmpty())
                .toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(AlternativeParts::map).toList() : List.of();
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
