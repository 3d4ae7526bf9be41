package com.autoretail.mcpstubs.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.autoretail.mcpstubs.payment.PaymentData.PaymentMethod;
import com.autoretail.mcpstubs.payment.PaymentLink.Refund;

/** The tool answers of the payment stub, written as snake_case JSON. */
final class PaymentViews {

    private PaymentViews() {
    }

    record Link(String paymentId, String paymentLink, String repairOrderId, String invoiceNumber, BigDecimal amount,
            String currency, String customerEmail, String sentTo, LinkStatus status, Instant createdAt,
            Instant expiryDate, BigDecimal amountPaid, BigDecimal refundedAmount, Instant paymentDate,
            String transactionId, List<Refund> refunds) {

        static Link of(PaymentLink link, String url) {
            return new Link(link.paymentId(), url, link.repairOrderId(), link.invoiceNumber(), link.amount(),
                    link.currency(), link.customerEmail(), link.customerEmail(), link.status(), link.createdAt(),
                    link.expiryDate(), link.amountPaid(), link.refundedAmount(), link.paymentDate(),
                    link.transactionId(), link.refunds());
        }

    }

    /** The links of one repair order; {@code status} is the newest link's, {@code none} without links. */
    record RepairOrderPayments(String repairOrderId, String invoiceNumber, String status, int paymentCount,
            BigDecimal amountPaid, BigDecimal refundedAmount, List<Link> payments) {
    }

    record RefundResult(String refundId, String paymentId, BigDecimal amount, String reasonCode, String status,
            Instant processedAt, LinkStatus paymentStatus, BigDecimal amountPaid, BigDecimal refundedAmount,
            BigDecimal refundableAmount) {
    }

    record Cancellation(String paymentId, LinkStatus status, boolean cancelled, boolean alreadyCancelled,
            Link payment) {
    }

    record NotificationResult(String notificationId, String paymentId, String channel, String recipient, String status,
            Instant sentAt, String message, boolean simulated) {
    }

    record PaymentMethods(String customerId, String name, String email, String defaultMethodId,
            List<PaymentMethod> paymentMethods) {
    }

}
