package com.autoretail.orchestrator.validation;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.testsupport.Catalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.autoretail.orchestrator.testsupport.Catalogs.EXAMPLE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

class GroundingCheckTest {

    private final GroundingCheck check = new GroundingCheck();

    @Test
    void passesTheExamplePlanWhoseValuesAllComeFromTheRequest() {
        WorkflowPlan plan = plan(
                step("reserve_part_1", "parts", "reserve_parts",
                        Map.of("part_numbers", List.of("1234"), "repair_order_id", "1234", "quantity_map",
                                Map.of("1234", 1))),
                step("create_payment_1", "payment", "create_payment_link", Map.of("repair_order_id", "1234",
                        "amount", 100.0, "currency", "USD", "customer_email", "AmbujMehra16@Gmail.com")));

        assertThat(problems(plan, EXAMPLE_REQUEST)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' grounds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Assign TECH-007 to RO-1234                    | 1234
            Assign TECH-007 to RO#1234                    | 1234
            Assign TECH-007 to R.O. 1234                  | 1234
            Assign TECH-007 to repair order #1234         | 1234
            Assign TECH-007 to RO 1234                    | RO1234
            Assign TECH-007 to RO 01234                   | 1234
            assign tech-007 to ro-1234                    | RO-1234
            """)
    void groundsARepairOrderNumberWrittenInAnyUsualForm(String request, String repairOrder) {
        WorkflowPlan plan = plan(step("assign_1", "repair_orders", "assign_technician",
                Map.of("repair_order_id", repairOrder, "technician_id", "TECH-007")));

        assertThat(problems(plan, request)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' grounds the id {1}")
    @CsvSource(delimiter = '|', textBlock = """
            give RO 1001 to TECH-007                       | TECH-007
            give RO 1001 to TECH-007                       | TECH007
            give RO 1001 to tech TECH 007                  | TECH007
            give RO 1001 to tech_42                        | TECH_42
            """)
    void groundsATechnicianIdWithOrWithoutItsSeparators(String request, String technician) {
        WorkflowPlan plan = plan(step("assign_1", "repair_orders", "assign_technician",
                Map.of("repair_order_id", "1001", "technician_id", technician)));

        assertThat(problems(plan, request)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' grounds the amount {1}")
    @CsvSource(delimiter = '|', textBlock = """
            send a link of $1,250 for RO 1040 to a@b.co    | 1250
            send a link of $1,250 for RO 1040 to a@b.co    | 1250.00
            send a link of USD 45.10 for RO 1040 to a@b.co | 45.1
            send a link of 320.75 dollars for RO 1040 to a@b.co | 320.75
            send a link of 100$ for RO 1040 to a@b.co      | $100
            send a link of €40 for RO 1040 to a@b.co       | 40
            """)
    void groundsAnAmountWrittenWithSymbolsCodesWordsOrThousandsSeparators(String request, String amount) {
        Object value = amount.startsWith("$") ? amount : Double.valueOf(amount);
        WorkflowPlan plan = plan(step("pay_1", "payment", "create_payment_link",
                Map.of("repair_order_id", "1040", "amount", value, "customer_email", "a@b.co")));

        assertThat(problems(plan, request)).isEmpty();
    }

    @Test
    void refusesAnInventedRepairOrderAndAnInventedAmountNamingStepAndParameter() {
        WorkflowPlan plan = plan(step("pay_1", "payment", "create_payment_link",
                Map.of("repair_order_id", "1235", "amount", 1000, "customer_email", "ambujmehra16@gmail.com")));

        assertThat(problems(plan, EXAMPLE_REQUEST)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("step pay_1: parameters.repair_order_id: '1235'"))
                .anySatisfy(problem -> assertThat(problem).startsWith("step pay_1: parameters.amount: '1000'"));
    }

    @Test
    void refusesANotificationToAStrangersAddressAndOneHiddenInFreeText() {
        WorkflowPlan plan = plan(
                step("notify_1", "payment", "send_payment_notification",
                        Map.of("payment_id", "${steps.pay_1.result.payment_id}", "channel", "email",
                                "recipient", "stranger@evil.example")),
                step("note_1", "repair_orders", "add_repair_notes",
                        Map.of("repair_order_id", "1234", "note", "receipt also to copy@evil.example")));

        assertThat(problems(plan, EXAMPLE_REQUEST)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("parameters.recipient: 'stranger@evil.example'"))
                .anySatisfy(problem -> assertThat(problem).contains("parameters.note: 'copy@evil.example'"));
    }

    @Test
    void groundsAPhoneNumberByItsDigitsAndRefusesAnotherOne() {
        String request = "text the payment reminder for PAY-77 to +1 (555) 123-4567";
        WorkflowPlan mine = plan(step("notify_1", "payment", "send_payment_notification",
                Map.of("payment_id", "PAY-77", "channel", "sms", "recipient", "555-123-4567")));
        WorkflowPlan other = plan(step("notify_1", "payment", "send_payment_notification",
                Map.of("payment_id", "PAY-77", "channel", "sms", "recipient", "+1 555 999 0000")));

        assertThat(problems(mine, request)).isEmpty();
        assertThat(problems(other, request)).singleElement().asString().contains("parameters.recipient");
    }

    @Test
    void takesAValueFromAnEarlierStepsResultAsGrounded() {
        WorkflowPlan plan = plan(step("reserve_1", "parts", "reserve_parts", Map.of("part_numbers",
                List.of("${steps.search_1.result.parts[0].part_number}"), "repair_order_id", "1234")));

        assertThat(problems(plan, "find brake pads and put them on RO 1234")).isEmpty();
    }

    @Test
    void refusesARefundTheRequestDoesNotAskForEvenWithAPaymentIdFromAnEarlierStep() {
        WorkflowPlan plan = plan(step("refund_1", "payment", "process_refund", Map.of(
                "payment_id", "${steps.create_payment_1.result.payment_id}", "amount", 100, "reason_code", "other")));

        assertThat(problems(plan, EXAMPLE_REQUEST)).containsExactly(
                "step refund_1: operation: the request does not ask for process_refund");
        assertThat(problems(plan, "Refund $100 of PAY-1 please")).isEmpty();
    }

    @Test
    void refusesSkipOnAStepThatChangesStateButNotOnAReadingStep() {
        ExecutionStep payment = new ExecutionStep("pay_1", 1, "payment", "create_payment_link", Map.of(
                "repair_order_id", "1234", "amount", 100, "customer_email", "ambujmehra16@gmail.com"), null, null,
                null, FailureHandling.SKIP, 30, 2);
        ExecutionStep read = new ExecutionStep("check_1", 2, "repair_orders", "get_repair_order_details",
                Map.of("repair_order_id", "9999"), null, null, null, FailureHandling.SKIP, 30, 2);

        assertThat(problems(plan(payment, read), EXAMPLE_REQUEST)).singleElement().asString()
                .startsWith("step pay_1: failure_handling: 'skip' is not allowed on create_payment_link");
    }

    @Test
    void countsTheRequestsContextAsGiven() {
        WorkflowPlan plan = plan(step("create_1", "repair_orders", "create_repair_order", Map.of(
                "customer_id", "CUST-100", "vehicle_id", "VIN-1HGCM82633A004352", "service_description", "oil")));

        assertThat(problems(plan, "open an RO for an oil change",
                Map.of("customer", Map.of("id", "CUST-100", "vehicles", List.of("VIN-1HGCM82633A004352")))))
                .isEmpty();
        assertThat(problems(plan, "open an RO for an oil change", Map.of())).hasSize(2);
    }

    @Test
    void groundsPartNumbersWithLettersDigitsAndDashesAndRefusesAnInventedQuantityMapKey() {
        String request = "reserve 2x BRK-2201 and 12-AB-9 for RO 1050";
        WorkflowPlan plan = plan(step("reserve_1", "parts", "reserve_parts", Map.of("part_numbers",
                List.of("BRK-2201", "12-AB-9"), "repair_order_id", "1050", "quantity_map",
                Map.of("BRK-2201", 2, "OIL-1", 1))));

        assertThat(problems(plan, request)).singleElement().asString()
                .startsWith("step reserve_1: parameters.quantity_map.OIL-1: 'OIL-1' is not in the request");
    }

    @Test
    void leavesUnknownOperationsToTheValidator() {
        WorkflowPlan plan = plan(step("x_1", "payment", "wire_money", Map.of("iban", "DE00")));

        assertThat(problems(plan, EXAMPLE_REQUEST)).isEmpty();
    }

    private List<String> problems(WorkflowPlan plan, String request) {
        return problems(plan, request, Map.of());
    }

    private List<String> problems(WorkflowPlan plan, String request, Map<String, Object> context) {
        return check.problems(plan, request, context, Catalogs.all());
    }

    private static ExecutionStep step(String id, String service, String operation, Map<String, Object> parameters) {
        return new ExecutionStep(id, null, service, operation, parameters, null, null, null, null, null, null);
    }

    private static WorkflowPlan plan(ExecutionStep... steps) {
        return new WorkflowPlan("p", "low", 10, Arrays.asList(steps), List.of(), Map.of());
    }
}
