package com.autoretail.mcpstubs.parts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.autoretail.mcpstubs.parts.Part.Fitment;
import com.autoretail.mcpstubs.parts.Reservation.ReservedPart;

/** The tool answers of the parts stub, written as snake_case JSON. */
final class PartViews {

    private PartViews() {
    }

    record Search(SearchCriteria criteria, int count, List<PartSummary> parts) {
    }

    record SearchCriteria(String partName, String vehicleMake, String vehicleModel, Integer vehicleYear,
            String category) {
    }

    record PartSummary(String partNumber, String name, String category, String manufacturer, BigDecimal price,
            String currency, int stock, boolean available) {

        static PartSummary of(Part part) {
            return new PartSummary(part.partNumber(), part.name(), part.category(), part.manufacturer(), part.price(),
                    part.currency(), part.stock(), part.available());
        }

    }

    record Availability(String partNumber, String name, boolean available, int stock, int reserved, String status,
            int leadTimeDays, LocalDate restockEta) {
    }

    record Details(String partNumber, String name, String category, String description, String manufacturer,
            BigDecimal price, String currency, int stock, boolean available, int warrantyMonths, int leadTimeDays,
            boolean universal, List<Fitment> fitment) {

        static Details of(Part part) {
            return new Details(part.partNumber(), part.name(), part.category(), part.description(), part.manufacturer(),
                    part.price(), part.currency(), part.stock(), part.available(), part.warrantyMonths(),
                    part.leadTimeDays(), part.universal(), part.fitment());
        }

    }

    record Reserved(String reservationId, String repairOrderId, Reservation.Status status,
            List<ReservedPart> reservedParts, BigDecimal totalPrice, Instant createdAt, Instant expiryTime) {

        static Reserved of(Reservation reservation) {
            return new Reserved(reservation.reservationId(), reservation.repairOrderId(), reservation.status(),
                    reservation.reservedParts(), reservation.totalPrice(), reservation.createdAt(),
                    reservation.expiryTime());
        }

    }

    /** {@code released} is true only for the call that gave the stock back. */
    record Released(String reservationId, String repairOrderId, Reservation.Status status, boolean released,
            boolean alreadyReleased, List<ReservedPart> restored, Instant endedAt) {
    }

    record Compatibility(String partNumber, String name, Vehicle vehicle, boolean compatible, String reason,
            boolean universal, List<Fitment> fitment) {
    }

    record Vehicle(String make, String model, int year) {
    }

}
