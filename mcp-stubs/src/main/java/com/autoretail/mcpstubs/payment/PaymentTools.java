package com.autoretail.mcpstubs.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpTool.McpAnnotations;
import org.springaicommunity.mcp.annotation.McpToolParam;

import com.autoretail.mcpstubs.payment.PaymentData.Customer;
import com.autoretail.mcpstubs.payment.PaymentData.PaymentMethod;
import com.autoretail.mcpstubs.payment.PaymentLink.Notification;
import com.autoretail.mcpstubs.payment.PaymentLink.Refund;
import com.autoretail.mcpstubs.payment.PaymentViews.Cancellation;
import com.autoretail.mcpstubs.payment.PaymentViews.Link;
import com.autoretail.mcpstubs.payment.PaymentViews.NotificationResult;
import com.autoretail.mcpstubs.payment.PaymentViews.PaymentMethods;
import com.autoretail.mcpstubs.payment.PaymentViews.RefundResult;
import com.autoretail.mcpstubs.payment.PaymentViews.RepairOrderPayments;
import com.autoretail.mcpstubs.server.BusinessHeaders;
import com.autoretail.mcpstubs.server.RepairOrderNumbers;
import com.autoretail.mcpstubs.server.Require;
import com.autoretail.mcpstubs.server.StubException;
import com.autoretail.mcpstubs.server.StubTools;
import com.autoretail.mcpstubs.server.ToolErrorCode;
import com.autoretail.mcpstubs.server.ToolResults;

/**
 * The payment tools, each working on the caller's tenant ({@code X-Tenant-Id}). Parameter names are
 * snake_case because the MCP schema takes its property names from the Java parameter names, and the
 * agents' contract fixes them.
 */
class PaymentTools implements StubTools {

    static final List<String> REASON_CODES = List.of("customer_request", "duplicate_payment", "service_not_performed",
            "overcharge", "warranty", "goodwill", "other");

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{6,19}$");

    private final PaymentLedger ledger;

    private final String defaultCurrency;

    PaymentTools(PaymentLedger ledger, String defaultCurrency) {
        this.ledger = ledger;
        this.defaultCurrency = defaultCurrency;
    }

    @McpTool(name = "create_payment_link", description = """
            Create a payment link for a repair order and send it to the customer by email. The repair \
            order number is the invoice number. Refused for a non-positive amount (VALIDATION_ERROR) \
            or a repair order known to be cancelled (CONFLICT). The link stays payable until expiry_date.""",
            annotations = @McpAnnotations(title = "Create payment link", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false))
    CallToolResult createPaymentLink(
            @McpToolParam(description = "Repair order number, used as the invoice number, e.g. 1234")
            String repair_order_id,
            @McpToolParam(description = "Amount to pay, greater than 0, at most 2 decimals, e.g. 100.00")
            BigDecimal amount,
            @McpToolParam(description = "ISO-4217 currency code; default USD", required = false) String currency,
            @McpToolParam(description = "Email address the link is sent to") String customer_email,
            McpSyncServerExchange exchange) {
        String repairOrderId = RepairOrderNumbers.normalize(repair_order_id, "repair_order_id");
        BigDecimal value = money(amount, "amount");
        String code = currency == null || currency.isBlank() ? this.defaultCurrency : currency(currency);
        String email = Require.email(customer_email, "customer_email");
        PaymentLink link = this.ledger.create(tenant(exchange), repairOrderId, value, code, email);
        return ToolResults.ok(view(link));
    }

    @McpTool(name = "check_payment_status", description = """
            Status of one payment (by payment_id: status, amount_paid, payment_date, transaction_id) \
            or of all payment links of a repair order (by repair_order_id). Give one of the two.""",
            annotations = @McpAnnotations(title = "Check payment status", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    CallToolResult checkPaymentStatus(
            @McpToolParam(description = "Payment id, e.g. PAY-1A2B3C4D5E", required = false) String payment_id,
            @McpToolParam(description = "Repair order number, e.g. 1234", required = false) String repair_order_id,
            McpSyncServerExchange exchange) {
        String tenant = tenant(exchange);
        if (payment_id != null && !payment_id.isBlank()) {
            return ToolResults.ok(view(this.ledger.get(tenant, paymentId(payment_id))));
        }
        if (repair_order_id == null || repair_order_id.isBlank()) {
            throw StubException.invalid("payment_id", "give payment_id or repair_order_id");
        }
        String repairOrderId = RepairOrderNumbers.normalize(repair_order_id, "repair_order_id");
        List<Link> links = this.ledger.forRepairOrder(tenant, repairOrderId).stream().map(this::view).toList();
        String status = links.isEmpty() ? "none" : links.get(links.size() - 1).status().wireName();
        return ToolResults.ok(new RepairOrderPayments(repairOrderId, repairOrderId, status, links.size(),
                links.stream().map(Link::amountPaid).reduce(PaymentLink.NOTHING, BigDecimal::add),
                links.stream().map(Link::refundedAmount).reduce(PaymentLink.NOTHING, BigDecimal::add), links));
    }

    @McpTool(name = "process_refund", description = """
            Refund (part of) a paid payment. The refunds of a payment never exceed what was paid: \
            more is refused as CONFLICT with the refundable_amount; an unpaid payment is refused as \
            CONFLICT. reason_code: customer_request, duplicate_payment, service_not_performed, \
            overcharge, warranty, goodwill or other.""",
            annotations = @McpAnnotations(title = "Process refund", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = false, openWorldHint = false))
    CallToolResult processRefund(
            @McpToolParam(description = "Payment id, e.g. PAY-1A2B3C4D5E") String payment_id,
            @McpToolParam(description = "Amount to refund, greater than 0") BigDecimal amount,
            @McpToolParam(description = "Why: customer_request, duplicate_payment, service_not_performed, "
                    + "overcharge, warranty, goodwill, other") String reason_code,
            McpSyncServerExchange exchange) {
        String paymentId = paymentId(payment_id);
        BigDecimal value = money(amount, "amount");
        String reason = Require.oneOf(reason_code, "reason_code", REASON_CODES);
        PaymentLink link = this.ledger.refund(tenant(exchange), paymentId, value, reason);
        Refund refund = link.refunds().get(link.refunds().size() - 1);
        return ToolResults.ok(new RefundResult(refund.refundId(), paymentId, refund.amount(), reason, "processed",
                refund.processedAt(), link.status(), link.amountPaid(), link.refundedAmount(), link.refundable()));
    }

    @McpTool(name = "send_payment_notification", description = """
            Send a payment reminder (pending link) or receipt (paid link) by email or sms. Without a \
            recipient, email goes to the link's customer_email and sms to the customer's phone on \
            file. Simulated: the message is recorded, not delivered. Refused as CONFLICT for a \
            cancelled or expired link.""",
            annotations = @McpAnnotations(title = "Send payment notification", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = false, openWorldHint = false))
    CallToolResult sendPaymentNotification(
            @McpToolParam(description = "Payment id, e.g. PAY-1A2B3C4D5E") String payment_id,
            @McpToolParam(description = "email or sms") String channel,
            @McpToolParam(description = "Email address or phone number; default the customer's", required = false)
            String recipient,
            McpSyncServerExchange exchange) {
        String tenant = tenant(exchange);
        String paymentId = paymentId(payment_id);
        String via = Require.oneOf(channel, "channel", List.of("email", "sms"));
        PaymentLink link = this.ledger.get(tenant, paymentId);
        String to = recipient != null && !recipient.isBlank() ? recipient.trim() : defaultRecipient(link, via);
        if ("email".equals(via)) {
            Require.email(to, "recipient");
        }
        else if (!PHONE.matcher(to).matches()) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR, "recipient is not a phone number: " + to,
                    Map.of("field", "recipient", "value", to));
        }
        Notification sent = this.ledger.notify(tenant, paymentId, via, to);
        return ToolResults.ok(new NotificationResult(sent.notificationId(), paymentId, via, to, "sent", sent.sentAt(),
                sent.message(), true));
    }

    @McpTool(name = "get_payment_methods", description = """
            The payment methods a customer has on file (cards, bank accounts, wallets; masked).""",
            annotations = @McpAnnotations(title = "Get payment methods", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    CallToolResult getPaymentMethods(
            @McpToolParam(description = "Customer id, e.g. ambujmehra or CUST001") String customer_id,
            McpSyncServerExchange exchange) {
        Customer customer = this.ledger.customer(tenant(exchange), Require.text(customer_id, "customer_id"));
        List<PaymentMethod> methods = customer.paymentMethods() != null ? customer.paymentMethods() : List.of();
        String defaultMethod = methods.stream()
            .filter(PaymentMethod::isDefault)
            .map(PaymentMethod::methodId)
            .findFirst()
            .orElse(null);
        return ToolResults.ok(new PaymentMethods(customer.customerId(), customer.name(), customer.email(),
                defaultMethod, methods));
    }

    @McpTool(name = "cancel_payment_link", description = """
            Cancel a pending payment link (the compensation of create_payment_link); a cancelled link \
            can't be paid. Cancelling an already cancelled link changes nothing and answers \
            already_cancelled=true. A paid, refunded or expired link is refused as CONFLICT.""",
            annotations = @McpAnnotations(title = "Cancel payment link", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = false))
    CallToolResult cancelPaymentLink(
            @McpToolParam(description = "Payment id, e.g. PAY-1A2B3C4D5E") String payment_id,
            McpSyncServerExchange exchange) {
        String tenant = tenant(exchange);
        String paymentId = paymentId(payment_id);
        boolean wasCancelled = this.ledger.get(tenant, paymentId).status() == LinkStatus.CANCELLED;
        PaymentLink link = this.ledger.cancel(tenant, paymentId);
        return ToolResults.ok(new Cancellation(paymentId, link.status(), !wasCancelled, wasCancelled, view(link)));
    }

    @McpTool(name = "simulate_payment", description = """
            SIMULATION HOOK, not a dealer operation: act as the customer paying a pending link, so \
            that status, refunds and notifications can be exercised. Pays the outstanding amount, or \
            `amount` of it (the link stays pending until fully paid). A cancelled, expired or paid \
            link is refused as CONFLICT.""",
            annotations = @McpAnnotations(title = "Simulate payment (test hook)", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = false, openWorldHint = false))
    CallToolResult simulatePayment(
            @McpToolParam(description = "Payment id, e.g. PAY-1A2B3C4D5E") String payment_id,
            @McpToolParam(description = "Amount paid; default the outstanding amount", required = false)
            BigDecimal amount,
            McpSyncServerExchange exchange) {
        BigDecimal value = amount == null ? null : money(amount, "amount");
        return ToolResults.ok(view(this.ledger.pay(tenant(exchange), paymentId(payment_id), value)));
    }

    private Link view(PaymentLink link) {
        return Link.of(link, this.ledger.paymentUrl(link.paymentId()));
    }

    private String defaultRecipient(PaymentLink link, String channel) {
        if ("email".equals(channel)) {
            return link.customerEmail();
        }
        return this.ledger.customerOf(link)
            .map(Customer::phone)
            .orElseThrow(() -> StubException.invalid("recipient",
                    "recipient is required for sms: no phone number on file for " + link.customerEmail()));
    }

    private static BigDecimal money(BigDecimal amount, String field) {
        BigDecimal value = Require.positive(amount, field);
        if (value.stripTrailingZeros().scale() > 2) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR,
                    field + " has more than 2 decimals: " + value.toPlainString(),
                    Map.of("field", field, "value", value));
        }
        return value.setScale(2);
    }

    private static String currency(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(upper).getCurrencyCode();
        }
        catch (IllegalArgumentException ex) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR, "currency is not an ISO-4217 code: " + code,
                    Map.of("field", "currency", "value", code));
        }
    }

    private static String paymentId(String value) {
        return Require.text(value, "payment_id").toUpperCase(Locale.ROOT);
    }

    private static String tenant(McpSyncServerExchange exchange) {
        return BusinessHeaders.of(exchange, BusinessHeaders.TENANT_ID);
    }

}
