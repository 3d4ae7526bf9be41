package com.autoretail.mcpstubs.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.autoretail.mcpstubs.McpTestClient;
import com.autoretail.mcpstubs.McpTestClient.Answer;
import com.autoretail.mcpstubs.RunningStubs;
import com.autoretail.mcpstubs.ToolAssertions;

import static com.autoretail.mcpstubs.ToolAssertions.hinted;
import static org.assertj.core.api.Assertions.assertThat;

class PartsServerTest {

    @AutoClose
    private static final McpTestClient parts = McpTestClient.connect(RunningStubs.parts(),
            McpTestClient.serviceHeaders("parts-agent"));

    @Test
    void listsEveryPartsToolWithItsParametersAndHints() {
        Map<String, Tool> tools = ToolAssertions.assertTools(parts.tools(),
                "search_parts(part_name; vehicle_make, vehicle_model, vehicle_year, category)",
                "check_part_availability(part_number)",
                "get_part_details(part_number)",
                "reserve_parts(part_numbers, repair_order_id; quantity_map)",
                "release_reservation(reservation_id)",
                "check_vehicle_compatibility(part_number, vehicle_model, vehicle_year; vehicle_make)");

        List<String> reads = List.of("search_parts", "check_part_availability", "get_part_details",
                "check_vehicle_compatibility");
        assertThat(hinted(tools, ToolAnnotations::readOnlyHint)).containsExactlyInAnyOrderElementsOf(reads);
        assertThat(hinted(tools, ToolAnnotations::destructiveHint)).containsExactly("release_reservation");
        assertThat(hinted(tools, ToolAnnotations::idempotentHint)).containsAll(reads)
            .contains("release_reservation")
            .doesNotContain("reserve_parts");
        assertThat(tools.get("reserve_parts").inputSchema().properties().get("part_numbers"))
            .isEqualTo(Map.of("type", "array", "items", Map.of("type", "string"), "description",
                    "Part numbers to reserve, e.g. [\"1234\"]"));
    }

    @Test
    void describesPart1234AsABrakePadSetInStock() {
        Map<String, Object> part = parts.ok("get_part_details", Map.of("part_number", "1234"));

        assertThat(part).containsEntry("part_number", "1234")
            .containsEntry("name", "Brake Pad Set")
            .containsEntry("category", "brakes")
            .containsEntry("available", true)
            .containsKeys("price", "stock", "fitment");
        assertThat((Integer) part.get("stock")).isPositive();
        assertThat(ToolAssertions.list(part.get("fitment")))
            .contains((Object) Map.of("make", "Toyota", "model", "Camry", "year_from", 2015, "year_to", 2024));
    }

    @Test
    void findsPartsByWordsOfTheNameThatFitTheVehicle() {
        Map<String, Object> found = parts.ok("search_parts", Map.of("part_name", "brake pads", "vehicle_make", "Toyota",
                "vehicle_model", "Camry", "vehicle_year", 2021));

        assertThat(ToolAssertions.values(found, "parts", "part_number")).contains("1234")
            .doesNotContain("BRK2201", "BRK2250");
        assertThat(found.get("count")).isEqualTo(((List<?>) found.get("parts")).size());
        assertThat(parts.ok("search_parts", Map.of("part_name", "flux capacitor"))).containsEntry("count", 0);
        assertThat(ToolAssertions.values(parts.ok("search_parts", Map.of("part_name", "filter", "category", "filters")),
                "parts", "category")).containsOnly("filters");
    }

    @Test
    void reportsAvailabilityWithStockAndRestockDate() {
        assertThat(parts.ok("check_part_availability", Map.of("part_number", "1234"))).containsEntry("available", true)
            .containsEntry("status", "in_stock");
        Map<String, Object> hose = parts.ok("check_part_availability", Map.of("part_number", "brk2240"));
        assertThat(hose).containsEntry("part_number", "BRK2240")
            .containsEntry("available", false)
            .containsEntry("stock", 0)
            .containsEntry("status", "out_of_stock");
        assertThat(hose.get("restock_eta")).isNotNull();
    }

    @Test
    void refusesUnknownAndMalformedPartNumbers() {
        Map<String, Object> unknown = parts.refused("get_part_details", Map.of("part_number", "9999"), "NOT_FOUND");
        assertThat(unknown.get("details")).isEqualTo(Map.of("entity", "part", "id", "9999"));
        assertThat((String) unknown.get("message")).isEqualTo("part 9999 not found");

        Map<String, Object> malformed = parts.refused("check_part_availability", Map.of("part_number", "12-34!"),
                "VALIDATION_ERROR");
        assertThat(ToolAssertions.details(malformed)).containsEntry("field", "part_number");
    }

    @Test
    void refusesACallMissingRequiredArgumentsNamingEachField() {
        Map<String, Object> error = parts.refused("check_vehicle_compatibility", Map.of("part_number", "1234"),
                "VALIDATION_ERROR");

        assertThat(ToolAssertions.map(ToolAssertions.details(error).get("fields")))
            .containsOnlyKeys("vehicle_model", "vehicle_year");
        assertThat(parts.refused("search_parts", Map.of("part_name", "pads", "vehicle_year", "last year"),
                "VALIDATION_ERROR").get("message")).asString().contains("vehicle_year");
    }

    @Test
    void reservingLowersStockAndKeepsTheRepairOrder() {
        Map<String, Object> reservation = parts.ok("reserve_parts", Map.of("part_numbers", List.of("FLT3310"),
                "repair_order_id", "RO-1234", "quantity_map", Map.of("FLT3310", 2)));

        assertThat(reservation).containsEntry("repair_order_id", "1234").containsEntry("status", "reserved");
        assertThat((String) reservation.get("reservation_id")).startsWith("RES-");
        assertThat((String) reservation.get("expiry_time")).isGreaterThan((String) reservation.get("created_at"));
        assertThat((List<?>) reservation.get("reserved_parts")).singleElement()
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("part_number", "FLT3310")
            .containsEntry("quantity", 2)
            .containsEntry("remaining_stock", 43);
        assertThat(parts.ok("check_part_availability", Map.of("part_number", "FLT3310"))).containsEntry("stock", 43)
            .containsEntry("reserved", 2);
    }

    @Test
    void readsASinglePartNumberAsAListOfOne() {
        Map<String, Object> reservation = parts.ok("reserve_parts", Map.of("part_numbers", "wip9902",
                "repair_order_id", "1007"));

        assertThat(ToolAssertions.values(reservation, "reserved_parts", "part_number")).containsExactly("WIP9902");
        assertThat(ToolAssertions.values(reservation, "reserved_parts", "quantity")).containsExactly(1);
    }

    @Test
    void refusesAReservationBeyondStockAndReservesNothing() {
        Map<String, Object> error = parts.refused("reserve_parts", Map.of("part_numbers", List.of("FLT3311", "ELC5140"),
                "repair_order_id", "1005", "quantity_map", Map.of("ELC5140", 5)), "CONFLICT");

        assertThat(ToolAssertions.details(error).get("shortages"))
            .isEqualTo(List.of(Map.of("part_number", "ELC5140", "requested", 5, "available", 3)));
        assertThat(parts.ok("check_part_availability", Map.of("part_number", "FLT3311"))).containsEntry("stock", 38);
        assertThat(parts.ok("check_part_availability", Map.of("part_number", "ELC5140"))).containsEntry("stock", 3);
    }

    @Test
    void refusesAReservationNamingAnUnknownPartAndReservesNothing() {
        parts.refused("reserve_parts", Map.of("part_numbers", List.of("FLT3320", "NOPE1"), "repair_order_id", "1005"),
                "NOT_FOUND");

        assertThat(parts.ok("check_part_availability", Map.of("part_number", "FLT3320"))).containsEntry("stock", 55);
    }

    @Test
    void refusesQuantitiesThatAreNotWholePositiveNumbersOfListedParts() {
        parts.refused("reserve_parts", Map.of("part_numbers", List.of("FLT3320"), "repair_order_id", "1005",
                "quantity_map", Map.of("FLT3320", 0)), "VALIDATION_ERROR");
        parts.refused("reserve_parts", Map.of("part_numbers", List.of("FLT3320"), "repair_order_id", "1005",
                "quantity_map", Map.of("FLT3320", "two")), "VALIDATION_ERROR");
        parts.refused("reserve_parts", Map.of("part_numbers", List.of("FLT3320"), "repair_order_id", "1005",
                "quantity_map", Map.of("ELC5101", 1)), "VALIDATION_ERROR");
        parts.refused("reserve_parts", Map.of("part_numbers", List.of(), "repair_order_id", "1005"),
                "VALIDATION_ERROR");
        parts.refused("reserve_parts", Map.of("part_numbers", List.of("FLT3320"), "repair_order_id", "next week"),
                "VALIDATION_ERROR");
    }

    @Test
    void reservesExactlyTheStockUnderFiftyConcurrentCallers() throws Exception {
        assertThat(parts.ok("check_part_availability", Map.of("part_number", "ELC5105"))).containsEntry("stock", 10);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> {
                start.await();
                return parts.call("reserve_parts",
                        Map.of("part_numbers", List.of("ELC5105"), "repair_order_id", "1004"));
            });
        }
        List<Answer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            List<Future<Answer>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
        }

        assertThat(answers).filteredOn(answer -> !answer.isError()).hasSize(10);
        assertThat(answers).filteredOn(Answer::isError)
            .hasSize(40)
            .allSatisfy(answer -> assertThat(answer.json()).containsEntry("error_code", "CONFLICT"));
        assertThat(parts.ok("check_part_availability", Map.of("part_number", "ELC5105"))).containsEntry("stock", 0)
            .containsEntry("reserved", 10)
            .containsEntry("available", false);
    }

    @Test
    void releasesStockOnceWhenReleasedTwice() {
        Map<String, Object> reservation = parts.ok("reserve_parts", Map.of("part_numbers", List.of("SUS4402"),
                "repair_order_id", "1006", "quantity_map", Map.of("SUS4402", 3)));
        assertThat(parts.ok("check_part_availability", Map.of("part_number", "SUS4402"))).containsEntry("stock", 13);

        Map<String, Object> release = Map.of("reservation_id", reservation.get("reservation_id"));
        Map<String, Object> first = parts.ok("release_reservation", release);
        assertThat(first).containsEntry("released", true)
            .containsEntry("already_released", false)
            .containsEntry("status", "released")
            .containsEntry("repair_order_id", "1006");
        assertThat((List<?>) first.get("restored")).singleElement()
            .isEqualTo(Map.of("part_number", "SUS4402", "name", "Rear Shock Absorber", "quantity", 3,
                    "unit_price", 79.0, "remaining_stock", 16));

        Map<String, Object> second = parts.ok("release_reservation", release);
        assertThat(second).containsEntry("released", false).containsEntry("already_released", true);
        assertThat((List<?>) second.get("restored")).isEmpty();
        assertThat(parts.ok("check_part_availability", Map.of("part_number", "SUS4402"))).containsEntry("stock", 16);
        parts.refused("release_reservation", Map.of("reservation_id", "RES-999999"), "NOT_FOUND");
    }

    @Test
    void checksVehicleCompatibilityWithAReason() {
        Map<String, Object> camry = parts.ok("check_vehicle_compatibility", Map.of("part_number", "1234",
                "vehicle_make", "Toyota", "vehicle_model", "Camry", "vehicle_year", 2021));
        assertThat(camry).containsEntry("compatible", true).containsEntry("reason", "fits Toyota Camry 2015-2024");

        Map<String, Object> oldCamry = parts.ok("check_vehicle_compatibility", Map.of("part_number", "1234",
                "vehicle_model", "camry", "vehicle_year", "2010"));
        assertThat(oldCamry).containsEntry("compatible", false);
        assertThat((String) oldCamry.get("reason")).contains("only for model years 2015-2024");

        Map<String, Object> truck = parts.ok("check_vehicle_compatibility", Map.of("part_number", "1234",
                "vehicle_model", "F-150", "vehicle_year", 2020));
        assertThat(truck).containsEntry("compatible", false);
        assertThat((String) truck.get("reason")).startsWith("not listed for F-150 2020");

        assertThat(parts.ok("check_vehicle_compatibility", Map.of("part_number", "ENG6630", "vehicle_model", "F-150",
                "vehicle_year", 2020))).containsEntry("compatible", true).containsEntry("universal", true);
        parts.refused("check_vehicle_compatibility", Map.of("part_number", "1234", "vehicle_model", "Camry",
                "vehicle_year", 1899), "VALIDATION_ERROR");
    }

}
