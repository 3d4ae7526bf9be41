package com.autoretail.mcpstubs.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.autoretail.mcpstubs.StubsProperties;
import com.autoretail.mcpstubs.payment.PaymentData.Customer;
import com.autoretail.mcpstubs.payment.PaymentLink.Notification;
import com.autoretail.mcpstubs.payment.PaymentLink.Refund;
import com.autoretail.mcpstubs.server.StubException;

/**
 * Payment links, refunds and customers' payment methods, partitioned by tenant: a tenant never sees
 * another's links. Every read and change holds the ledger's lock; a pending link past its expiry date
 * becomes expired when next read.
 */
final class PaymentLedger {

    private final Map<String, Map<String, PaymentLink>> links = new HashMap<>();

    private final Map<String, Map<String, Customer>> customers = new HashMap<>();

    private final Set<String> cancelledRepairOrders;

    private final StubsProperties.Payment settings;

    private final Clock clock;

    PaymentLedger(PaymentData.Seed seed, Set<String> cancelledRepairOrders, StubsProperties.Payment settings,
            Clock clock) {
        this.cancelledRepairOrders = Set.copyOf(cancelledRepairOrders);
        this.settings = settings;
        this.clock = clock;
        String owner = settings.defaultTenant();
        seed.customers().forEach(customer -> customersOf(owner).put(customer.customerId(), customer));
        seed.paymentLinks().forEach(link -> linksOf(owner).put(link.paymentId(),
                link.seededFor(owner, settings.defaultCurrency(), now(), settings.linkValidity())));
    }

    synchronized PaymentLink create(String tenant, String repairOrderId, BigDecimal amount, String currency,
            String email) {
        if (this.cancelledRepairOrders.contains(repairOrderId)) {
            throw StubException.conflict("repair order " + repairOrderId + " is cancelled: no payment link for it",
                    Map.of("repair_order_id", repairOrderId, "repair_order_status", "cancelled"));
        }
        String customerId = customersOf(tenant).values()
            .stream()
            .filter(customer -> customer.email().equalsIgnoreCase(email))
            .map(Customer::customerId)
            .findFirst()
            .orElse(null);
        Instant now = now();
        Notification sent = new Notification(newId("NTF"), "email", email, now,
                "Payment link for invoice " + repairOrderId + ": " + amount.toPlainString() + " " + currency);
        PaymentLink link = new PaymentLink(newId("PAY"), tenant, repairOrderId, repairOrderId, amount, currency,
                customerId, email, LinkStatus.PENDING, now, now.plus(this.settings.linkValidity()), PaymentLink.NOTHING,
                null, null, List.of(), List.of(sent));
        return put(link);
    }

    synchronized PaymentLink get(String tenant, String paymentId) {
        PaymentLink link = linksOf(tenant).get(paymentId);
        if (link == null) {
            throw StubException.notFound("payment", paymentId);
        }
        if (link.status() == LinkStatus.PENDING && !now().isBefore(link.expiryDate())) {
            return put(link.withStatus(LinkStatus.EXPIRED));
        }
        return link;
    }

    synchronized List<PaymentLink> forRepairOrder(String tenant, String repairOrderId) {
        return List.copyOf(linksOf(tenant).values())
            .stream()
            .filter(link -> link.repairOrderId().equals(repairOrderId))
            .map(link -> get(tenant, link.paymentId()))
            .sorted(Comparator.comparing(PaymentLink::createdAt))
            .toList();
    }

    synchronized PaymentLink pay(String tenant, String paymentId, BigDecimal amount) {
        PaymentLink link = requireStatus(get(tenant, paymentId), LinkStatus.PENDING, "be paid");
        BigDecimal paid = amount != null ? amount : link.outstanding();
        if (paid.compareTo(link.outstanding()) > 0) {
            throw StubException.conflict("payment " + paymentId + " has " + link.outstanding().toPlainString()
                    + " outstanding, cannot take " + paid.toPlainString(), Map.of("payment_id", paymentId,
                            "outstanding_amount", link.outstanding(), "requested_amount", paid));
        }
        return put(link.withPayment(paid, now(), newId("TXN")));
    }

    synchronized PaymentLink refund(String tenant, String paymentId, BigDecimal amount, String reasonCode) {
        PaymentLink link = get(tenant, paymentId);
        if (!link.status().isPaid()) {
            throw StubException.conflict("payment " + paymentId + " is " + link.status().wireName()
                    + ": only a paid payment can be refunded", Map.of("payment_id", paymentId, "current_status",
                            link.status().wireName()));
        }
        if (amount.compareTo(link.refundable()) > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("payment_id", paymentId);
            details.put("amount_paid", link.amountPaid());
            details.put("refunded_amount", link.refundedAmount());
            details.put("refundable_amount", link.refundable());
            details.put("requested_amount", amount);
            throw StubException.conflict("refund of " + amount.toPlainString() + " exceeds the refundable "
                    + link.refundable().toPlainString() + " of payment " + paymentId, details);
        }
        return put(link.withRefund(new Refund(newId("REF"), amount, reasonCode, now())));
    }

    /** Cancels a pending link; an already cancelled one is answered as it is. */
    synchronized PaymentLink cancel(String tenant, String paymentId) {
        PaymentLink link = get(tenant, paymentId);
        if (link.status() == LinkStatus.CANCELLED) {
            return link;
        }
        return put(requireStatus(link, LinkStatus.PENDING, "be cancelled").withStatus(LinkStatus.CANCELLED));
    }

    synchronized Notification notify(String tenant, String paymentId, String channel, String recipient) {
        PaymentLink link = get(tenant, paymentId);
        if (link.status() == LinkStatus.CANCELLED || link.status() == LinkStatus.EXPIRED) {
            throw StubException.conflict("payment " + paymentId + " is " + link.status().wireName()
                    + ": its link can no longer be paid", Map.of("payment_id", paymentId, "current_status",
                            link.status().wireName()));
        }
        String message = link.status() == LinkStatus.PENDING
                ? "Reminder: invoice " + link.invoiceNumber() + " of " + link.outstanding().toPlainString() + " "
                        + link.currency() + " can be paid at " + paymentUrl(paymentId)
                : "Invoice " + link.invoiceNumber() + " is " + link.status().wireName().replace('_', ' ');
        Notification notification = new Notification(newId("NTF"), channel, recipient, now(), message);
        put(link.withNotification(notification));
        return notification;
    }

    synchronized Customer customer(String tenant, String customerId) {
        return Optional.ofNullable(customersOf(tenant).get(customerId))
            .or(() -> customersOf(tenant).values().stream()
                .filter(customer -> customer.customerId().equalsIgnoreCase(customerId))
                .findFirst())
            .orElseThrow(() -> StubException.notFound("customer", customerId));
    }

    /** The customer that the link's email or customer id names, if the tenant knows one. */
    synchronized Optional<Customer> customerOf(PaymentLink link) {
        return customersOf(link.tenantId()).values()
            .stream()
            .filter(customer -> customer.customerId().equals(link.customerId())
                    || customer.email().equalsIgnoreCase(link.customerEmail()))
            .findFirst();
    }

    String paymentUrl(String paymentId) {
        return this.settings.linkBaseUrl() + "/" + paymentId;
    }

    private PaymentLink requireStatus(PaymentLink link, LinkStatus required, String action) {
        if (link.status() != required) {
            throw StubException.conflict("payment " + link.paymentId() + " is " + link.status().wireName()
                    + " and cannot " + action,
                    Map.of("payment_id", link.paymentId(), "current_status", link.status().wireName()));
        }
        return link;
    }

    private PaymentLink put(PaymentLink link) {
        linksOf(link.tenantId()).put(link.paymentId(), link);
        return link;
    }

    private Map<String, PaymentLink> linksOf(String tenant) {
        return this.links.computeIfAbsent(tenant, key -> new LinkedHashMap<>());
    }

    private Map<String, Customer> customersOf(String tenant) {
        return this.customers.computeIfAbsent(tenant, key -> new LinkedHashMap<>());
    }

    private Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

}
