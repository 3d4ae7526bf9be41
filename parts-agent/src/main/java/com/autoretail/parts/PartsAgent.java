package com.autoretail.parts;

import com.autoretail.common.agent.AgentInfo;
import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.common.agent.BaseAgentService;
import com.autoretail.common.agent.SchemaBuilder;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.FieldError;
import com.autoretail.common.wire.OperationSpec;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts agent: the parts MCP server's tools (search, availability, details, reservations, compatibility),
 * discovered from its {@code tools/list}, plus {@code get_alternative_parts} (composite) and
 * {@code validate_part_number} (local).
 */
class PartsAgent extends BaseAgentService {

    static final AgentInfo INFO = new AgentInfo("parts-agent", "parts",
            "Parts catalogue, availability, reservations and vehicle compatibility");
    static final String REPAIR_ORDER_PATTERN = "^(?:[Rr][Oo][-_ #]?|#)?[0-9]{3,10}$";
    /** The oldest model year the dealer's catalogue knows. */
    static final int OLDEST_MODEL_YEAR = 1950;

    private final AlternativeParts alternatives;

    PartsAgent(AgentToolkit toolkit) {
        super(INFO, toolkit);
        this.alternatives = new AlternativeParts(this::callMcpTool);
    }

    @Override
    protected List<OperationSpec> localOperations() {
        Map<String, Map<String, Object>> alternativesParameters = new LinkedHashMap<>();
        alternativesParameters.put("part_number", partNumber("Part number to find alternatives for, e.g. 1234"));
        alternativesParameters.put("vehicle_make", SchemaBuilder.string("Only parts fitting this make, e.g. Toyota"));
        alternativesParameters.put("vehicle_model", SchemaBuilder.string("Only parts fitting this model, e.g. Camry"));
        alternativesParameters.put("vehicle_year", modelYear("Only parts fitting this model year, e.g. 2021"));
        return List.of(
                OperationSpec.composite("get_alternative_parts", """
                        Parts that can replace a part: its details, then the in-stock parts of the same category \
                        (fitting the vehicle when one is given), the original first when it is usable, then the \
                        alternatives by name similarity and price closeness.""",
                        SchemaBuilder.object(alternativesParameters, List.of("part_number"))),
                OperationSpec.local("validate_part_number", """
                        Checks a part number's format without calling the catalogue: 3 to 20 characters, letters \
                        and digits only, no special characters. Answers valid and every error.""",
                        SchemaBuilder.object(Map.of("part_number", SchemaBuilder.string("The part number to check")),
                                List.of("part_number"))));
    }

    @Override
    protected OperationSpec refineMcpOperation(OperationSpec op) {
        Map<String, Object> schema = op.parameters();
        return switch (op.name()) {
            case "search_parts" -> op.withParameters(SchemaBuilder.tighten(schema, Map.of(
                    "part_name", SchemaBuilder.nonEmpty(), "vehicle_year", yearRange())));
            case "check_part_availability", "get_part_details" -> op.withParameters(SchemaBuilder.tighten(schema,
                    Map.of("part_number", SchemaBuilder.pattern(PartNumbers.PATTERN))));
            case "check_vehicle_compatibility" -> op.withParameters(SchemaBuilder.tighten(schema, Map.of(
                    "part_number", SchemaBuilder.pattern(PartNumbers.PATTERN),
                    "vehicle_model", SchemaBuilder.nonEmpty(), "vehicle_year", yearRange())));
            case "reserve_parts" -> op.withParameters(SchemaBuilder.tighten(schema, Map.of(
                            "part_numbers", Map.of("minItems", 1, "items",
                                    Map.of("type", "string", "pattern", PartNumbers.PATTERN)),
                            "repair_order_id", SchemaBuilder.pattern(REPAIR_ORDER_PATTERN),
                            "quantity_map", Map.of("propertyNames", Map.of("pattern", PartNumbers.PATTERN),
                                    "additionalProperties", Map.of("type", "integer", "minimum", 1)))))
                    .withSideEffects(true, "release_reservation");
            case "release_reservation" -> op.withParameters(SchemaBuilder.tighten(schema,
                    Map.of("reservation_id", SchemaBuilder.nonEmpty()))).withSideEffects(true, null);
            default -> op;
        };
    }

    @Override
    protected List<FieldError> validateBusinessRules(String operation, Map<String, Object> parameters) {
        if (operation.equals("reserve_parts") && parameters.get("quantity_map") instanceof Map<?, ?> quantities) {
            Set<String> reserved = ((List<?>) parameters.get("part_numbers")).stream()
                    .map(number -> number.toString().toUpperCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            return quantities.keySet().stream()
                    .filter(number -> !reserved.contains(number.toString().toUpperCase(Locale.ROOT)))
                    .map(number -> new FieldError("quantity_map." + number, "names a part that is not in part_numbers"))
                    .toList();
        }
        return List.of();
    }

    @Override
    protected Object executeOperationImpl(AgentServiceRequest request) throws Exception {
        return switch (request.operation()) {
            case "validate_part_number" -> PartNumbers.check((String) request.parameters().get("part_number"));
            case "get_alternative_parts" -> alternatives.find(request.parameters());
            default -> super.executeOperationImpl(request);
        };
    }

    private static Map<String, Object> partNumber(String description) {
        return Map.of("type", "string", "description", description, "pattern", PartNumbers.PATTERN);
    }

    private static Map<String, Object> modelYear(String description) {
        Map<String, Object> year = new LinkedHashMap<>(yearRange());
        year.put("type", "integer");
        year.put("description", description);
        return year;
    }

    /** Model years the catalogue can know: from the oldest to next year's models. */
    private static Map<String, Object> yearRange() {
        return Map.of("minimum", OLDEST_MODEL_YEAR, "maximum", Year.now(ZoneOffset.UTC).getValue() + 1);
    }
}
