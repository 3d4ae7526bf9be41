package com.autoretail.parts;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code get_alternative_parts}: details, then the same category via search, in stock, fitting, original first. */
class PartsAlternativesTest extends PartsAgentHttpTest {

    private static List<String> partNumbers(Reply reply) {
        List<String> numbers = new ArrayList<>();
        reply.body().at("/result/parts").forEach(part -> numbers.add(part.path("part_number").asText()));
        return numbers;
    }

    @Test
    void listsTheOriginalFirstThenInStockPartsOfTheSameCategoryFittingTheVehicle() {
        Reply reply = execute("get_alternative_parts",
                "{\"part_number\":\"1234\",\"vehicle_make\":\"Toyota\",\"vehicle_model\":\"Camry\",\"vehicle_year\":2021}");
        JsonNode result = assertSucceeded(reply, "composite");
        assertThat(result.path("category").asText()).isEqualTo("brakes");
        assertThat(result.at("/original/name").asText()).isEqualTo("Brake Pad Set");
        assertThat(result.path("original_fits_vehicle").asBoolean()).isTrue();

        List<String> numbers = partNumbers(reply);
        assertThat(numbers.get(0)).isEqualTo("1234");
        assertThat(result.at("/parts/0/original").asBoolean()).isTrue();
        assertThat(numbers).contains("BRK2202", "BRK2210", "BRK2230")
                .as("other vehicles' parts").doesNotContain("BRK2201", "BRK2250")
                .as("out of stock").doesNotContain("BRK2240");
        assertThat(result.path("alternative_count").asInt()).isEqualTo(numbers.size() - 1);
        result.path("parts").forEach(part -> {
            assertThat(part.path("category").asText()).isEqualTo("brakes");
            assertThat(part.path("stock").asInt()).isPositive();
        });
        List<Double> similarities = result.path("parts").findValues("name_similarity").stream()
                .map(JsonNode::asDouble).toList();
        assertThat(similarities.subList(1, similarities.size())).as("best match first").isSortedAccordingTo(
                (a, b) -> Double.compare(b, a));
        assertThat(numbers.get(1)).as("the closest name").isEqualTo("BRK2202");
    }

    @Test
    void withoutAVehicleOffersEveryInStockPartOfTheCategory() {
        Reply reply = execute("get_alternative_parts", "{\"part_number\":\"1234\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/result/vehicle").isNull()).isTrue();
        assertThat(reply.body().at("/result/original_fits_vehicle").isNull()).isTrue();
        assertThat(partNumbers(reply)).startsWith("1234").contains("BRK2201", "BRK2250").doesNotContain("BRK2240");
    }

    @Test
    void leavesOutTheOriginalWhenItDoesNotFitTheVehicle() {
        Reply reply = execute("get_alternative_parts",
                "{\"part_number\":\"1234\",\"vehicle_make\":\"Ford\",\"vehicle_model\":\"F-150\",\"vehicle_year\":2020}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/result/original_fits_vehicle").asBoolean()).isFalse();
        assertThat(partNumbers(reply)).doesNotContain("1234").startsWith("BRK2201");
    }

    @Test
    void answersNotFoundForAnUnknownPart() {
        Reply reply = execute("get_alternative_parts", "{\"part_number\":\"NOPE404\"}");
        assertFailed(reply, 404, "NOT_FOUND");
    }
}
