package com.autoretail.mcpstubs.payment;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The seed files the payment stub reads. */
final class PaymentData {

    private PaymentData() {
    }

    /** The payment seed: customers with their payment methods, and payment links. */
    record Seed(List<Customer> customers, List<PaymentLink> paymentLinks) {
    }

    record Customer(String customerId, String name, String email, String phone, List<PaymentMethod> paymentMethods) {
    }

    /** A stored card, bank account or wallet; only the fields of its type are set. */
    record PaymentMethod(String methodId, String type, String brand, String bankName, String provider, String last4,
            Integer expiryMonth, Integer expiryYear, boolean isDefault) {
    }

    /**
     * The repair-orders seed, read for the order statuses only. The repair-orders stub runs in
     * another process: a repair order cancelled there after start-up is not known here.
     */
    record RepairOrderStatuses(List<Entry> repairOrders) {

        record Entry(String repairOrderId, String status) {
        }

        Set<String> cancelled() {
            return Objects.requireNonNullElse(repairOrders, List.<Entry>of())
                .stream()
                .filter(entry -> "cancelled".equalsIgnoreCase(entry.status()))
                .map(Entry::repairOrderId)
                .collect(Collectors.toUnmodifiableSet());
        }

    }

}
