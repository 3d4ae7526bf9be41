package com.autoretail.payment;

import com.autoretail.common.agent.AgentInfo;
import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.common.agent.BaseAgentService;
import com.autoretail.common.agent.SchemaBuilder;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.FieldError;
import com.autoretail.common.wire.OperationSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payment agent: the payment MCP server's tools (payment links, status, refunds, notifications, payment
 * methods), discovered from its {@code tools/list}, plus {@code validate_payment_data} (local). Payments use the
 * repair order number as the invoice number. The server's {@code simulate_payment} is listed too: it is the
 * payment system's simulation hook (it acts as the paying customer), kept so that a test or a demo can drive a
 * link to {@code paid}.
 */
class PaymentAgent extends BaseAgentService {

    static final AgentInfo INFO = new AgentInfo("payment-agent", "payment",
            "Payment links for repair orders, payment status, refunds, notifications and payment methods");
    /** The reason codes the payment system accepts for a refund. */
    static final List<String> REASON_CODES = List.of("customer_request", "duplicate_payment",
            "service_not_performed", "overcharge", "warranty", "goodwill", "other");

    private static final Map<String, Object> POSITIVE = Map.of("exclusiveMinimum", 0, "maximum", 1_000_000);

    PaymentAgent(AgentToolkit toolkit) {
        super(INFO, toolkit);
    }

    @Override
    protected List<OperationSpec> localOperations() {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        fields.put("repair_order_id", Map.of("description", "Repair order number (the invoice number), e.g. 1234"));
        fields.put("amount", Map.of("description", "Amount, greater than 0 with at most 2 decimals, e.g. 100.00"));
        fields.put("currency", Map.of("description", "ISO-4217 code, e.g. USD; optional (default USD)"));
        fields.put("customer_email", Map.of("description", "Email address the link is sent to"));
        return List.of(OperationSpec.local("validate_payment_data", """
                        Checks the data of a payment link without calling the payment system: the repair order \
                        number's format, amount > 0 with at most 2 decimals, a real ISO-4217 currency and the \
                        email address. Answers valid and every error; an invalid payment is still a successful \
                        check.""",
                SchemaBuilder.object(fields, List.of())));
    }

    @Override
    protected OperationSpec refineMcpOperation(OperationSpec op) {
        Map<String, Object> schema = op.parameters();
        return switch (op.name()) {
            case "create_payment_link" -> op.withParameters(SchemaBuilder.tighten(schema, Map.of(
                            "repair_order_id", SchemaBuilder.pattern(PaymentRules.REPAIR_ORDER_PATTERN),
                            "amount", POSITIVE,
                            "currency", SchemaBuilder.pattern(PaymentRules.CURRENCY_PATTERN),
                            "customer_email", Map.of("format", "email"))))
                    .withSideEffects(true, "cancel_payment_link");
            case "check_payment_status" -> op.withParameters(SchemaBuilder.tighten(schema, Map.of(
                    "payment_id", SchemaBuilder.nonEmpty(),
                    "repair_order_id", SchemaBuilder.pattern(PaymentRules.REPAIR_ORDER_PATTERN))));
            case "process_refund" -> op.withParameters(SchemaBuilder.tighten(schema, Map.of(
                    "payment_id", SchemaBuilder.nonEmpty(), "amount", POSITIVE, "reason_code", Map.of("enum", REASON_CODES))));
            case "send_payment_notification" -> op.withParameters(SchemaBuilder.tighten(schema, Map.of(
                    "payment_id", SchemaBuilder.nonEmpty(), "channel", Map.of("enum", PaymentRules.CHANNELS),
                    "recipient", SchemaBuilder.nonEmpty())));
            case "get_payment_methods" -> op.withParameters(SchemaBuilder.tighten(schema,
                    Map.of("customer_id", SchemaBuilder.nonEmpty())));
            case "cancel_payment_link" -> op.withParameters(SchemaBuilder.tighten(schema,
                    Map.of("payment_id", SchemaBuilder.nonEmpty())));
            case "simulate_payment" -> op.withParameters(SchemaBuilder.tighten(schema,
                    Map.of("payment_id", SchemaBuilder.nonEmpty(), "amount", POSITIVE)));
            default -> op;
        };
    }

    @Override
    protected List<FieldError> validateBusinessRules(String operation, Map<String, Object> parameters) {
        return switch (operation) {
            case "create_payment_link" -> PaymentRules.paymentData(parameters);
            case "process_refund", "simulate_payment" -> parameters.get("amount") == null ? List.of()
                    : PaymentRules.amount("amount", parameters.get("amount")).stream().toList();
            case "check_payment_status" -> parameters.get("payment_id") != null
                    || parameters.get("repair_order_id") != null ? List.of() : List.of(
                    new FieldError("payment_id", "payment_id or repair_order_id is required"),
                    new FieldError("repair_order_id", "payment_id or repair_order_id is required"));
            case "send_payment_notification" -> recipientProblems(parameters);
            default -> List.of();
        };
    }

    /** A recipient, when given, must suit the channel; without one the payment system uses the customer's. */
    private static List<FieldError> recipientProblems(Map<String, Object> parameters) {
        if (!(parameters.get("recipient") instanceof String recipient)) {
            return List.of();
        }
        Optional<FieldError> problem = "email".equals(parameters.get("channel"))
                ? PaymentRules.email("recipient", recipient)
                : PaymentRules.phone("recipient", recipient);
        return problem.stream().toList();
    }

    @Override
    protected Object executeOperationImpl(AgentServiceRequest request) throws Exception {
        return switch (request.operation()) {
            case "validate_payment_data" -> PaymentRules.verdict(request.parameters());
            default -> super.executeOperationImpl(request);
        };
    }
}
