package com.autoretail.mcpstubs.repairorders;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.autoretail.mcpstubs.server.Require;

/** The life of a repair order, with the transitions the dealer system allows. */
enum RepairOrderStatus {

    PENDING, SCHEDULED, IN_PROGRESS, PARTS_ORDERED, QUALITY_CHECK, CUSTOMER_APPROVAL, READY_FOR_PICKUP, COMPLETED,
    INVOICED, CLOSED, CANCELLED;

    static final List<String> WIRE_NAMES = Arrays.stream(values()).map(RepairOrderStatus::wireName).toList();

    List<RepairOrderStatus> allowedTransitions() {
        return switch (this) {
            case PENDING -> List.of(SCHEDULED, CANCELLED);
            case SCHEDULED -> List.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> List.of(PARTS_ORDERED, QUALITY_CHECK, CANCELLED);
            case PARTS_ORDERED -> List.of(IN_PROGRESS, CANCELLED);
            case QUALITY_CHECK -> List.of(CUSTOMER_APPROVAL, IN_PROGRESS);
            case CUSTOMER_APPROVAL -> List.of(READY_FOR_PICKUP, IN_PROGRESS);
            case READY_FOR_PICKUP -> List.of(COMPLETED, IN_PROGRESS);
            case COMPLETED -> List.of(INVOICED);
            case INVOICED -> List.of(CLOSED);
            case CLOSED, CANCELLED -> List.of();
        };
    }

    boolean canMoveTo(RepairOrderStatus next) {
        return allowedTransitions().contains(next);
    }

    /** Work on the order is over: no technicians or parts are added any more. */
    boolean isWorkFinished() {
        return this == COMPLETED || this == INVOICED || this == CLOSED || this == CANCELLED;
    }

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static RepairOrderStatus fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** Reads a status argument, refusing an unknown one with the known statuses. */
    static RepairOrderStatus parse(String value, String field) {
        return fromWire(Require.oneOf(value, field, WIRE_NAMES));
    }

}
