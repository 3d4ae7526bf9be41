package com.autoretail.orchestrator.planning.rules;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.NoValidPlanException;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.testsupport.Catalogs;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.autoretail.orchestrator.testsupport.Catalogs.EXAMPLE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RulePlannerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Numbers are equal by value (100 and 100.0), everything else by equals. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-25T10:41:45Z"), ZoneOffset.UTC);
    private final RulePlanner planner = new RulePlanner(new StepDefaults(30, 2), clock);
    private final PlanValidator validator = new PlanValidator(20, new StepDefaults(30, 2), clock);

    @Test
    void plansTheArchitectureDocumentsExampleRequestAsItsExamplePlan() throws Exception {
        WorkflowPlan plan = planner.plan(EXAMPLE_REQUEST, Catalogs.all());

        JsonNode expected = MAPPER.readTree("""
                [
                  {"step_id": "validate_ro_1", "step_order": 1, "service_name": "repair_orders",
                   "operation": "get_repair_order_details", "parameters": {"repair_order_id": "1234"},
                   "validation_checks": ["check_repair_order_exists"], "dependencies": [],
                   "parallel_group": "validation_group", "failure_handling": "abort",
                   "timeout_seconds": 30, "retry_attempts": 2},
                  {"step_id": "validate_part_1", "step_order": 2, "service_name": "parts",
                   "operation": "get_part_details", "parameters": {"part_number": "1234"},
                   "validation_checks": ["check_part_exists"], "dependencies": [],
                   "parallel_group": "validation_group", "failure_handling": "abort",
                   "timeout_seconds": 30, "retry_attempts": 2},
                  {"step_id": "reserve_part_1", "step_order": 3, "service_name": "parts", "operation": "reserve_parts",
                   "parameters": {"part_numbers": ["1234"], "repair_order_id": "1234", "quantity_map": {"1234": 1}},
                   "validation_checks": [], "dependencies": ["validate_ro_1", "validate_part_1"],
                   "parallel_group": null, "failure_handling": "retry", "timeout_seconds": 30, "retry_attempts": 2},
                  {"step_id": "create_payment_1", "step_order": 4, "service_name": "payment",
                   "operation": "create_payment_link",
                   "parameters": {"repair_order_id": "1234", "amount": 100.0, "currency": "USD",
                                  "customer_email": "ambujmehra16@gmail.com"},
                   "validation_checks": [], "dependencies": ["validate_ro_1"],
                   "parallel_group": null, "failure_handling": "retry", "timeout_seconds": 30, "retry_attempts": 2}
                ]""");
        assertThat(MAPPER.valueToTree(plan.executionSteps()).toString()).isEqualTo(expected.toString());
        assertThat(plan.planId()).matches("wf_20250625_104145_\\d{3}");
        assertThat(plan.riskLevel()).isEqualTo("medium");
        assertThat(plan.estimatedDurationSeconds()).isEqualTo(45);
        assertThat(plan.validationSummary()).containsExactly("repair_order_1234_existence_verified",
                "part_1234_availability_confirmed", "email_format_validated", "amount_100_USD_validated");
        assertThat(plan.serviceDependencies()).containsEntry("parts", List.of("repair_orders"))
                .containsEntry("payment", List.of("repair_orders"));
        assertThat(validator.validate(plan, Catalogs.all())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.autoretail.orchestrator.planning.rules.RuleCase#all")
    void plansEachRequestOfTheTableWithItsOperationsAndParameters(RuleCase expected) {
        WorkflowPlan plan = planner.plan(expected.request(), Catalogs.all());

        assertThat(plan.executionSteps()).extracting(step -> step.serviceName() + "." + step.operation())
                .containsExactlyElementsOf(expected.operations());
        Map<String, ExecutionStep> steps = plan.executionSteps().stream()
                .collect(Collectors.toMap(ExecutionStep::stepId, Function.identity()));
        expected.parameters().forEach((path, value) -> {
            int dot = path.indexOf('.');
            ExecutionStep step = steps.get(path.substring(0, dot));
            assertThat(step).as("step of %s", path).isNotNull();
            JsonNode actual = MAPPER.valueToTree(step.parameters().get(path.substring(dot + 1)));
            assertThat(actual.equals(BY_VALUE, value)).as("%s is %s, expected %s", path, actual, value).isTrue();
        });
        expected.dependencies().forEach((id, dependencies) ->
                assertThat(steps.get(id).dependencies()).as("dependencies of %s", id).isEqualTo(dependencies));
        if (expected.risk() != null) {
            assertThat(plan.riskLevel()).isEqualTo(expected.risk());
        }
        if (expected.summary() != null) {
            assertThat(plan.validationSummary()).isEqualTo(expected.summary());
        }
        assertThat(validator.validate(plan, Catalogs.all())).isEmpty();
    }

    @Test
    void runsValidationsFirstInOneParallelGroupAndChangesAfterThem() {
        for (RuleCase row : RuleCase.all()) {
            List<ExecutionStep> steps = planner.plan(row.request(), Catalogs.all()).executionSteps();
            boolean changesStarted = false;
            for (ExecutionStep step : steps) {
                boolean validation = step.failureHandling() == FailureHandling.ABORT;
                assertThat(validation && changesStarted).as("%s: %s after a change", row, step.stepId()).isFalse();
                changesStarted |= !validation;
                if (validation) {
                    assertThat(step.dependencies()).isEmpty();
                    assertThat(step.parallelGroup()).isEqualTo("validation_group");
                } else {
                    assertThat(step.retryAttempts()).isEqualTo(2);
                }
                assertThat(step.timeoutSeconds()).isEqualTo(30);
            }
        }
    }

    @Test
    void leavesOutTheValidationsOfAServiceThatIsDown() {
        WorkflowPlan plan = planner.plan("Add part 1234 to RO 1234", Catalogs.without("repair_orders"));

        assertThat(plan.executionSteps()).extracting(ExecutionStep::stepId)
                .containsExactly("validate_part_1", "reserve_part_1");
        assertThat(plan.executionSteps().get(1).dependencies()).containsExactly("validate_part_1");
    }

    @Test
    void checksAPartsAvailabilityWhenItsDetailsAreNotOffered() {
        WorkflowPlan plan = planner.plan("Add part 1234 to RO 1234",
                Catalogs.withoutOperation("parts", "get_part_details"));

        assertThat(plan.executionSteps().get(1).operation()).isEqualTo("check_part_availability");
    }

    @Test
    void refusesAnActionWhoseOperationIsNotAvailable() {
        NoValidPlanException refused = catchThrowableOfType(NoValidPlanException.class,
                () -> planner.plan(EXAMPLE_REQUEST, Catalogs.without("payment")));

        assertThat(refused.errors()).containsExactly("send a payment link: payment.create_payment_link is not "
                + "available (the payment service is down or does not offer it)");
    }

    @Test
    void refusesAnUnintelligibleRequestSayingWhatItUnderstoodAndNeeds() {
        NoValidPlanException refused = catchThrowableOfType(NoValidPlanException.class,
                () -> planner.plan("Sort out the usual thing for ambujmehra16@gmail.com about RO 1234, thanks",
                        Catalogs.all()));

        assertThat(refused.understood()).containsEntry("repair_orders", List.of("1234"))
                .containsEntry("emails", List.of("ambujmehra16@gmail.com"));
        assertThat(refused.getMessage()).contains("It understood: repair_orders=[1234], emails=[ambujmehra16@gmail.com]")
                .contains("It needs an action such as").contains("Add part 1234 to RO 1234");
        assertThat(refused.errors()).singleElement().asString().startsWith("no known action in the request");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Send a payment link of 100$ to x@y.com             | send a payment link: needs the repair order number
            Send a payment link for RO 1234 to x@y.com          | send a payment link: needs an amount
            Send a payment link of $100 for RO 1234             | send a payment link: needs the customer's email address
            Refund 30 dollars on RO 1001                        | refund a payment: needs the payment id (e.g. PAY-1009A1); 'payment status for RO 1001'
            Refund payment PAY-1009A1                           | refund a payment: needs the amount to refund
            Add part to R.O. 1234                               | add a part to a repair order: needs the part number(s)
            Add part 1234 and send it                           | add a part to a repair order: needs the repair order number
            Does part 1234 fit a Camry?                         | check a part's fit for a vehicle: needs the vehicle's model and year
            Create a repair order for customer CUST008          | create a repair order: needs the vehicle id
            Assign TECH001                                      | assign a technician: needs the repair order number
            payment link of $100 and $120 for RO 1003 to a@b.com | send a payment link: needs one amount, the request names 2
            payment link $50 for RO 1004 to a@b.com and c@d.com | send a payment link: needs one email address
            refund $20 and $30 on PAY-1009A1                    | refund a payment: needs one amount, the request
            mark it in progress                                 | change a repair order's status: needs the repair order
            release the reservation                             | release a parts reservation: needs the reservation id
            mark ro 1052 done                                   | change a repair order's status: needs the status to
            what if we refund $20 on PAY-1009A1?                | refund a payment: needs a request to do it
            should I cancel PAY-1009A1?                         | cancel a payment link: needs a request to do it
            the customer asked if RO 1005 is ready              | change a repair order's status: needs a request to do it
            once the parts arrive, start work on RO 1004        | change a repair order's status: needs a request to do it
            assign TECH-001 or TECH-002 to RO 1045              | assign a technician: needs one value
            assign TECH-001 to RO 1006, TECH-002 to RO 1007    | assign a technician: needs one technician and one repair
            link for RO 1043 $50 to a@b.com? no wait, $60       | 'no wait, $60' corrects what came before it
            send payment link of -100$ to a@b.com for RO 1234   | send a payment link: needs an amount greater than 0
            send payment link of -$100 to a@b.com for RO 1234   | send a payment link: needs an amount greater than 0
            refund -$20 on PAY-1009A1                           | refund a payment: needs the amount to refund, greater
            Add -2 of part 1234 to RO 1234                      | add a part to a repair order: needs a whole number of units
            Add 2.5 x part 1234 to RO 1234                      | add a part to a repair order: needs a whole number of units
            Add 0 units of part 1234 to RO 1234                 | add a part to a repair order: needs a whole number of units
            Hold -3 units of SKU000001                          | hold stock of a SKU: needs a whole number of units
            Hold 2.5 units of SKU000001                         | hold stock of a SKU: needs a whole number of units
            """)
    void refusesARequestThatLacksWhatItsActionNeeds(String request, String error) {
        assertThatThrownBy(() -> planner.plan(request, Catalogs.all()))
                .isInstanceOfSatisfying(NoValidPlanException.class,
                        refused -> assertThat(refused.errors()).anySatisfy(e -> assertThat(e).startsWith(error)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hello", "hi there, how are you?", "thanks!", "what's the weather like today",
            "tell me a joke", "who won the game last night?"})
    void answersARequestWithNothingToPlanWithWhatTheFleetCanDo(String request) {
        NoValidPlanException refused = catchThrowableOfType(NoValidPlanException.class,
                () -> planner.plan(request, Catalogs.all()));

        List<String> offered = Catalogs.all().services().entrySet().stream()
                .map(service -> service.getKey() + ": " + service.getValue().description()).sorted().toList();
        assertThat(refused.capabilities()).containsExactlyElementsOf(offered);
        assertThat(refused.getMessage()).contains("found no action", "The fleet can: " + offered.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"don't close RO 1005 yet", "do not refund PAY-1009A1", "no need to cancel PAY-1009A1"})
    void plansNothingForAnActionTheRequestDeclines(String request) {
        assertThatThrownBy(() -> planner.plan(request, Catalogs.all())).isInstanceOf(NoValidPlanException.class);
    }

    @Test
    void offersOnlyTheAgentsThatAreUp() {
        NoValidPlanException refused = catchThrowableOfType(NoValidPlanException.class,
                () -> planner.plan("good morning", Catalogs.without("payment", "sales")));

        assertThat(refused.capabilities()).extracting(offer -> offer.substring(0, offer.indexOf(':')))
                .containsExactly("inventory", "parts", "repair_orders");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            delete all repair orders                            | delete
            delete RO 1234 and show RO 1235                     | delete
            remove TECH001 from RO 1001                         | remove
            show RO 1001, then wipe its history                 | wipe
            unassign TECH-007 from RO 1008                      | unassign
            lower the labour rate on RO 1001                    | lower the labour rate
            """)
    void refusesTheWholeRequestWhenAClauseWishesWhatNoOperationDoes(String request, String wish) {
        NoValidPlanException refused = catchThrowableOfType(NoValidPlanException.class,
                () -> planner.plan(request, Catalogs.all()));

        assertThat(refused.errors()).anySatisfy(error -> assertThat(error).endsWith("no operation to " + wish));
        assertThat(refused.getMessage()).contains("nothing of it is planned", "The fleet can:");
        assertThat(refused.capabilities()).isNotEmpty();
    }

    @Test
    void movesAnOrderOnAlongTheTransitionMatrixTheRepairOrdersAgentPublishes() {
        // A dealer whose orders go from quality check straight to pickup: the planner follows the agent, not a copy.
        Map<String, List<String>> matrix = new LinkedHashMap<>(Map.of("quality_check",
                List.of("ready_for_pickup", "in_progress"), "ready_for_pickup", List.of("completed"),
                "in_progress", List.of("quality_check"), "completed", List.of()));

        WorkflowPlan plan = planner.plan("RO 1017 passed quality check", withTransitions(matrix));

        assertThat(plan.executionSteps()).last().satisfies(step -> assertThat(step.parameters())
                .containsEntry("new_status", "ready_for_pickup"));
    }

    @Test
    void asksForTheStatusWhenTheRepairOrdersAgentPublishesNoMatrix() {
        ServiceCatalog unpublished = withTransitions(null);

        NoValidPlanException refused = catchThrowableOfType(NoValidPlanException.class,
                () -> planner.plan("RO 1017 passed quality check", unpublished));

        assertThat(refused.errors()).singleElement().asString()
                .startsWith("change a repair order's status: needs the status to move to after quality_check")
                .endsWith("does not publish its transition matrix");
        assertThat(planner.plan("mark RO 1017 as ready for pickup", unpublished).executionSteps()).last()
                .satisfies(step -> assertThat(step.parameters()).containsEntry("new_status", "ready_for_pickup"));
    }

    /** The catalog with the repair-orders agent publishing this matrix on new_status, or none when null. */
    @SuppressWarnings("unchecked")
    private static ServiceCatalog withTransitions(Map<String, List<String>> matrix) {
        Map<String, Capabilities> services = new LinkedHashMap<>(Catalogs.all().services());
        Capabilities repairOrders = services.get("repair_orders");
        List<OperationSpec> operations = repairOrders.operations().stream().map(op -> {
            if (!op.name().equals("update_repair_order_status")) {
                return op;
            }
            Map<String, Object> schema = new LinkedHashMap<>(op.parameters());
            Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
            Map<String, Object> newStatus = new LinkedHashMap<>((Map<String, Object>) properties.get("new_status"));
            newStatus.remove("x-transitions");
            if (matrix != null) {
                newStatus.put("x-transitions", matrix);
            }
            properties.put("new_status", newStatus);
            schema.put("properties", properties);
            return op.withParameters(schema);
        }).toList();
        services.put("repair_orders", new Capabilities(repairOrders.serviceName(), repairOrders.serviceKey(),
                repairOrders.description(), repairOrders.version(), operations, repairOrders.mcpTools()));
        return new ServiceCatalog(services);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("longRequests")
    void readsARequestOfTheLongestAllowedLengthWithoutBacktrackingOrStackOverflow(String request) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                planner.plan(request, Catalogs.all());
            } catch (NoValidPlanException refused) {
                assertThat(refused.errors()).isNotEmpty();
            }
        });
    }

    static List<String> longRequests() {
        return List.of("part 1" + " and 1".repeat(650), "RO 123 and ".repeat(360), "$" + "1,000".repeat(780),
                "a.".repeat(1990) + "@x", "add note ".repeat(440), "Add a note to RO 1001: " + "for the customer ".repeat(230),
                "\"" + "a ".repeat(1990), "check payment ".repeat(280));
    }

    @Test
    void givesEveryPlanItsOwnIdInTheDocumentedShape() {
        WorkflowPlan first = planner.plan("Show RO 1010", Catalogs.all());
        WorkflowPlan second = planner.plan("Show RO 1010", Catalogs.all());

        assertThat(first.planId()).matches("wf_\\d{8}_\\d{6}_\\d{3}").isNotEqualTo(second.planId());
    }
}
