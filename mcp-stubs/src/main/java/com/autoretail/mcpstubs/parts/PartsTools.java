package com.autoretail.mcpstubs.parts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpTool.McpAnnotations;
import org.springaicommunity.mcp.annotation.McpToolParam;

import com.autoretail.mcpstubs.parts.PartViews.Availability;
import com.autoretail.mcpstubs.parts.PartViews.Compatibility;
import com.autoretail.mcpstubs.parts.PartViews.PartSummary;
import com.autoretail.mcpstubs.parts.PartViews.Released;
import com.autoretail.mcpstubs.parts.PartViews.Reserved;
import com.autoretail.mcpstubs.parts.PartViews.Search;
import com.autoretail.mcpstubs.parts.PartViews.SearchCriteria;
import com.autoretail.mcpstubs.parts.PartViews.Vehicle;
import com.autoretail.mcpstubs.server.RepairOrderNumbers;
import com.autoretail.mcpstubs.server.Require;
import com.autoretail.mcpstubs.server.StubException;
import com.autoretail.mcpstubs.server.StubTools;
import com.autoretail.mcpstubs.server.ToolErrorCode;
import com.autoretail.mcpstubs.server.ToolResults;

/**
 * The parts tools. Parameter names are snake_case because the MCP schema takes its property names
 * from the Java parameter names, and the agents' contract fixes them.
 */
class PartsTools implements StubTools {

    // Letters and digits in groups joined by single dashes, as dealers print them: BRK2201, BRK-2201, 12-AB-9.
    private static final Pattern PART_NUMBER = Pattern.compile("^(?=.{1,20}$)[A-Z0-9]+(?:-[A-Z0-9]+)*$");

    private static final int OLDEST_MODEL_YEAR = 1950;

    private final PartsCatalogue catalogue;

    private final Clock clock;

    private final int lowStockThreshold;

    PartsTools(PartsCatalogue catalogue, Clock clock, int lowStockThreshold) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.lowStockThreshold = lowStockThreshold;
    }

    @McpTool(name = "search_parts", description = """
            Find catalogue parts whose name, category or description contains every word of \
            part_name (e.g. "brake pads"), optionally only those fitting a vehicle or in one \
            category. No match answers count 0, not an error.""",
            annotations = @McpAnnotations(title = "Search parts", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    CallToolResult searchParts(
            @McpToolParam(description = "Words of the part's name, e.g. brake pads") String part_name,
            @McpToolParam(description = "Vehicle make, e.g. Toyota", required = false) String vehicle_make,
            @McpToolParam(description = "Vehicle model, e.g. Camry", required = false) String vehicle_model,
            @McpToolParam(description = "Model year, e.g. 2021", required = false) Integer vehicle_year,
            @McpToolParam(description = "Category: brakes, filters, electrical, suspension, steering, engine, "
                    + "cooling, exhaust, wipers, lighting, transmission, hvac, tires", required = false)
            String category) {
        List<String> words = words(Require.text(part_name, "part_name"));
        String make = blankToNull(vehicle_make);
        String model = blankToNull(vehicle_model);
        Integer year = vehicle_year == null ? null : modelYear(vehicle_year);
        String wantedCategory = blankToNull(category);
        List<PartSummary> found = this.catalogue.find(part -> part.mentions(words)
                && (wantedCategory == null || part.category().equalsIgnoreCase(wantedCategory))
                && (make == null && model == null && year == null || part.fits(make, model, year)))
            .stream()
            .map(PartSummary::of)
            .toList();
        SearchCriteria criteria = new SearchCriteria(part_name, make, model, year, wantedCategory);
        return ToolResults.ok(new Search(criteria, found.size(), found));
    }

    @McpTool(name = "check_part_availability", description = """
            Stock of one part: available (stock > 0), stock, units held by live reservations, \
            status in_stock|low_stock|out_of_stock and, when out of stock, the expected restock date.""",
            annotations = @McpAnnotations(title = "Check part availability", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    CallToolResult checkPartAvailability(@McpToolParam(description = "Part number, e.g. 1234") String part_number) {
        Part part = this.catalogue.get(partNumber(part_number, "part_number"));
        String status = part.stock() == 0 ? "out_of_stock"
                : part.stock() <= this.lowStockThreshold ? "low_stock" : "in_stock";
        LocalDate restock = part.available() ? null
                : LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).plusDays(part.leadTimeDays());
        return ToolResults.ok(new Availability(part.partNumber(), part.name(), part.available(), part.stock(),
                this.catalogue.reserved(part.partNumber()), status, part.leadTimeDays(), restock));
    }

    @McpTool(name = "get_part_details", description = """
            Everything about one part: name, category, description, manufacturer, price, stock, \
            availability, warranty and the vehicles it fits (make, model, year range).""",
            annotations = @McpAnnotations(title = "Get part details", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    CallToolResult getPartDetails(@McpToolParam(description = "Part number, e.g. 1234") String part_number) {
        return ToolResults.ok(PartViews.Details.of(this.catalogue.get(partNumber(part_number, "part_number"))));
    }

    @McpTool(name = "reserve_parts", description = """
            Hold parts for a repair order: lowers each part's stock by its quantity, all parts or \
            none. Not enough stock for any part is refused as CONFLICT (with the shortages) and \
            reserves nothing. The reservation keeps the repair_order_id; record the parts on the \
            repair order itself with the repair-orders tool add_part_to_repair_order. Undo with \
            release_reservation; an unreleased reservation gives its stock back at expiry_time.""",
            annotations = @McpAnnotations(title = "Reserve parts", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false))
    CallToolResult reserveParts(
            @McpToolParam(description = "Part numbers to reserve, e.g. [\"1234\"]") List<String> part_numbers,
            @McpToolParam(description = "Repair order number the parts are for, e.g. 1234") String repair_order_id,
            @McpToolParam(description = "Quantity per part number, e.g. {\"1234\": 2}; a part not named here gets 1",
                    required = false) Map<String, Object> quantity_map) {
        String repairOrderId = RepairOrderNumbers.normalize(repair_order_id, "repair_order_id");
        if (part_numbers == null || part_numbers.isEmpty()) {
            throw StubException.invalid("part_numbers", "part_numbers needs at least one part number");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        part_numbers.forEach(number -> quantities.putIfAbsent(partNumber(number, "part_numbers"), 1));
        if (quantity_map != null) {
            quantity_map.forEach((number, quantity) -> {
                String key = partNumber(number, "quantity_map");
                if (!quantities.containsKey(key)) {
                    throw new StubException(ToolErrorCode.VALIDATION_ERROR, "quantity_map names part " + key
                            + " that is not in part_numbers", Map.of("field", "quantity_map", "part_number", key));
                }
                quantities.put(key, quantity(key, quantity));
            });
        }
        return ToolResults.ok(Reserved.of(this.catalogue.reserve(repairOrderId, quantities)));
    }

    @McpTool(name = "release_reservation", description = """
            Give a reservation's parts back to stock (the compensation of reserve_parts). Only the \
            first release restores stock (released=true, restored lists each part and its new \
            stock); releasing again, or after the reservation expired, changes nothing and answers \
            released=false, already_released=true, restored=[].""",
            annotations = @McpAnnotations(title = "Release reservation", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = false))
    CallToolResult releaseReservation(
            @McpToolParam(description = "Reservation id, e.g. RES-000001") String reservation_id) {
        String reservationId = Require.text(reservation_id, "reservation_id").toUpperCase(Locale.ROOT);
        PartsCatalogue.Release release = this.catalogue.release(reservationId);
        Reservation reservation = release.reservation();
        return ToolResults.ok(new Released(reservation.reservationId(), reservation.repairOrderId(),
                reservation.status(), !release.alreadyEnded(), release.alreadyEnded(), release.restored(),
                reservation.endedAt()));
    }

    @McpTool(name = "check_vehicle_compatibility", description = """
            Whether a part fits a vehicle (model and model year, optionally make), with the reason \
            and the part's fitment list.""",
            annotations = @McpAnnotations(title = "Check vehicle compatibility", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    CallToolResult checkVehicleCompatibility(
            @McpToolParam(description = "Part number, e.g. 1234") String part_number,
            @McpToolParam(description = "Vehicle model, e.g. Camry") String vehicle_model,
            @McpToolParam(description = "Model year, e.g. 2021") Integer vehicle_year,
            @McpToolParam(description = "Vehicle make, e.g. Toyota", required = false) String vehicle_make) {
        Part part = this.catalogue.get(partNumber(part_number, "part_number"));
        String model = Require.text(vehicle_model, "vehicle_model");
        int year = modelYear(vehicle_year);
        String make = blankToNull(vehicle_make);
        boolean compatible = part.fits(make, model, year);
        String vehicle = (make != null ? make + " " : "") + model + " " + year;
        String reason;
        if (part.universal()) {
            reason = "universal part: fits any vehicle";
        }
        else if (compatible) {
            reason = "fits " + part.fitment()
                .stream()
                .filter(fit -> fit.matches(make, model) && fit.covers(year))
                .findFirst()
                .orElseThrow();
        }
        else {
            reason = part.fitmentFor(make, model)
                .map(fit -> "fits " + fit.make() + " " + fit.model() + " only for model years " + fit.yearFrom() + "-"
                        + fit.yearTo() + ", not " + year)
                .orElse("not listed for " + vehicle + "; fits " + String.join(", ",
                        part.fitment().stream().limit(5).map(Part.Fitment::toString).toList())
                        + (part.fitment().size() > 5 ? ", ..." : ""));
        }
        return ToolResults.ok(new Compatibility(part.partNumber(), part.name(), new Vehicle(make, model, year),
                compatible, reason, part.universal(), part.fitment()));
    }

    private int modelYear(Integer year) {
        if (year == null) {
            throw StubException.invalid("vehicle_year", "vehicle_year is required");
        }
        int newest = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).getYear() + 1;
        if (year < OLDEST_MODEL_YEAR || year > newest) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR, "vehicle_year must be between " + OLDEST_MODEL_YEAR
                    + " and " + newest + ", was " + year, Map.of("field", "vehicle_year", "value", year));
        }
        return year;
    }

    private static String partNumber(String value, String field) {
        String number = Require.text(value, field).toUpperCase(Locale.ROOT);
        if (!PART_NUMBER.matcher(number).matches()) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR,
                    field + " must hold part numbers of 1 to 20 letters or digits, in groups joined by dashes,"
                            + " was " + value,
                    Map.of("field", field, "value", value));
        }
        return number;
    }

    /** A whole number of at least 1; planners send 2, 2.0 or "2" alike. */
    private static int quantity(String partNumber, Object value) {
        try {
            BigDecimal number = new BigDecimal(String.valueOf(value).trim());
            if (number.stripTrailingZeros().scale() <= 0 && number.compareTo(BigDecimal.ONE) >= 0) {
                return number.intValueExact();
            }
        }
        catch (NumberFormatException | ArithmeticException ex) {
            // refused below
        }
        throw new StubException(ToolErrorCode.VALIDATION_ERROR, "quantity_map." + partNumber
                + " must be a whole number of at least 1, was " + value,
                Map.of("field", "quantity_map", "part_number", partNumber, "value", String.valueOf(value)));
    }

    /** Lower-cased words, a plural "s" dropped so that "pads" finds "Brake Pad Set". */
    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
            .filter(word -> !word.isEmpty())
            .map(word -> word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                    ? word.substring(0, word.length() - 1) : word)
            .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
