package com.autoretail.inventory.store;

import org.springframework.core.io.Resource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The products a store starts with, and the locations they are stocked at: read from a CSV file whose header
 * is {@code sku,name,price,online,<store id>...} (comma-separated, no quoting; blank lines and lines starting
 * with {@code #} are skipped). The store ids of the header are the known store locations.
 */
public record SeedCatalog(List<String> stores, List<Product> products) {

    public static final String ONLINE = "online";
    private static final List<String> FIXED_COLUMNS = List.of("sku", "name", "price", ONLINE);

    public SeedCatalog {
        stores = List.copyOf(stores);
        products = List.copyOf(products);
    }

    /** {@code online}, then the store ids. */
    public List<String> locations() {
        List<String> locations = new ArrayList<>(List.of(ONLINE));
        locations.addAll(stores);
        return List.copyOf(locations);
    }

    /**
     * @throws IllegalStateException naming the file and line of the first problem
     */
    public static SeedCatalog read(Resource file) {
        try (var reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            return parse(file.getDescription(), reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed file " + file.getDescription(), e);
        }
    }

    static SeedCatalog parse(String source, List<String> lines) {
        List<String> header = null;
        List<Product> products = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split(",", -1)).stream().map(String::strip).toList();
            String where = source + " line " + (i + 1) + ": ";
            if (header == null) {
                header = checkHeader(cells, where);
                continue;
            }
            Product product = product(header, cells, where);
            if (!skus.add(product.sku())) {
                throw new IllegalStateException(where + "SKU " + product.sku() + " appears twice");
            }
            products.add(product);
        }
        if (header == null) {
            throw new IllegalStateException(source + ": no header line " + String.join(",", FIXED_COLUMNS) + ",...");
        }
        return new SeedCatalog(header.subList(FIXED_COLUMNS.size(), header.size()), products);
    }

    private static List<String> checkHeader(List<String> cells, String where) {
        if (cells.size() < FIXED_COLUMNS.size() || !cells.subList(0, FIXED_COLUMNS.size()).equals(FIXED_COLUMNS)) {
            throw new IllegalStateException(where + "the header must start with " + String.join(",", FIXED_COLUMNS));
        }
        List<String> stores = cells.subList(FIXED_COLUMNS.size(), cells.size());
        if (stores.stream().anyMatch(String::isEmpty) || new HashSet<>(cells).size() != cells.size()) {
            throw new IllegalStateException(where + "store ids in the header must be non-empty and distinct");
        }
        return cells;
    }

    private static Product product(List<String> header, List<String> cells, String where) {
        if (cells.size() != header.size()) {
            throw new IllegalStateException(where + "expected " + header.size() + " columns, found " + cells.size());
        }
        if (cells.get(0).isEmpty() || cells.get(1).isEmpty()) {
            throw new IllegalStateException(where + "sku and name must not be empty");
        }
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (int column = FIXED_COLUMNS.size() - 1; column < header.size(); column++) {
            stock.put(header.get(column), count(cells.get(column), header.get(column), where));
        }
        return new Product(cells.get(0), cells.get(1), price(cells.get(2), where), stock);
    }

    private static BigDecimal price(String cell, String where) {
        try {
            BigDecimal price = new BigDecimal(cell);
            if (price.signum() >= 0) {
                return price;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(where + "price must be a non-negative decimal, not '" + cell + "'");
    }

    private static int count(String cell, String column, String where) {
        try {
            int count = Integer.parseInt(cell);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(where + column + " must be a non-negative integer, not '" + cell + "'");
    }
}
