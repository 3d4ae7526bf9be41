package com.autoretail.mcpstubs.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A payment link of one tenant; the repair order number is its invoice number. Every change makes a
 * new instance.
 */
record PaymentLink(String paymentId, String tenantId, String repairOrderId, String invoiceNumber, BigDecimal amount,
        String currency, String customerId, String customerEmail, LinkStatus status, Instant createdAt,
        Instant expiryDate, BigDecimal amountPaid, Instant paymentDate, String transactionId, List<Refund> refunds,
        List<Notification> notifications) {

    /** Zero with the cents, so that every amount reads alike: 0.00. */
    static final BigDecimal NOTHING = new BigDecimal("0.00");

    PaymentLink {
        amountPaid = Objects.requireNonNullElse(amountPaid, NOTHING);
        refunds = List.copyOf(Objects.requireNonNullElse(refunds, List.of()));
        notifications = List.copyOf(Objects.requireNonNullElse(notifications, List.of()));
    }

    record Refund(String refundId, BigDecimal amount, String reasonCode, Instant processedAt) {
    }

    /** A simulated message: recorded here, never delivered. */
    record Notification(String notificationId, String channel, String recipient, Instant sentAt, String message) {
    }

    /** A link from the seed file, completed for the tenant that owns the seed data. */
    PaymentLink seededFor(String tenant, String defaultCurrency, Instant now, Duration validity) {
        return new PaymentLink(paymentId, tenant, repairOrderId,
                Objects.requireNonNullElse(invoiceNumber, repairOrderId), amount,
                Objects.requireNonNullElse(currency, defaultCurrency), customerId, customerEmail, status,
                Objects.requireNonNullElse(createdAt, now), Objects.requireNonNullElse(expiryDate, now.plus(validity)),
                amountPaid, paymentDate, transactionId, refunds, notifications);
    }

    BigDecimal refundedAmount() {
        return total(refunds);
    }

    BigDecimal refundable() {
        return status.isPaid() ? amountPaid.subtract(refundedAmount()) : NOTHING;
    }

    BigDecimal outstanding() {
        return amount.subtract(amountPaid);
    }

    PaymentLink withStatus(LinkStatus newStatus) {
        return changed(newStatus, amountPaid, paymentDate, transactionId, refunds, notifications);
    }

    PaymentLink withPayment(BigDecimal paid, Instant at, String transaction) {
        BigDecimal total = amountPaid.add(paid);
        LinkStatus next = total.compareTo(amount) >= 0 ? LinkStatus.PAID : LinkStatus.PENDING;
        return changed(next, total, at, transaction, refunds, notifications);
    }

    PaymentLink withRefund(Refund refund) {
        List<Refund> all = appended(refunds, refund);
        LinkStatus next = total(all).compareTo(amountPaid) >= 0 ? LinkStatus.REFUNDED : LinkStatus.PARTIALLY_REFUNDED;
        return changed(next, amountPaid, paymentDate, transactionId, all, notifications);
    }

    PaymentLink withNotification(Notification notification) {
        return changed(status, amountPaid, paymentDate, transactionId, refunds, appended(notifications, notification));
    }

    /** This link with what a payment, a refund or a notification changes; what it was created with stays. */
    private PaymentLink changed(LinkStatus newStatus, BigDecimal paid, Instant paidAt, String transaction,
            List<Refund> newRefunds, List<Notification> newNotifications) {
        return new PaymentLink(paymentId, tenantId, repairOrderId, invoiceNumber, amount, currency, customerId,
                customerEmail, newStatus, createdAt, expiryDate, paid, paidAt, transaction, newRefunds,
                newNotifications);
    }

    private static BigDecimal total(List<Refund> refunds) {
        return refunds.stream().map(Refund::amount).reduce(NOTHING, BigDecimal::add);
    }

    private static <T> List<T> appended(List<T> items, T item) {
        List<T> all = new ArrayList<>(items);
        all.add(item);
        return all;
    }

}
