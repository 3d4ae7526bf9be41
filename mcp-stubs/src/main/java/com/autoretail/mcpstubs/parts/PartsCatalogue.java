package com.autoretail.mcpstubs.parts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.autoretail.mcpstubs.parts.Reservation.ReservedPart;
import com.autoretail.mcpstubs.parts.Reservation.Status;
import com.autoretail.mcpstubs.server.StubException;
import com.autoretail.mcpstubs.server.ToolErrorCode;

/**
 * The parts catalogue with its stock and reservations, in memory. Every read and change holds the
 * catalogue's lock, so a reservation checks and lowers the stock of all its parts in one step: it
 * takes all of them or none, and stock never goes below zero.
 */
final class PartsCatalogue {

    /** The seed file of the parts stub. */
    record Seed(List<Part> parts) {
    }

    /** What a release did: {@code restored} is empty when the stock had already come back. */
    record Release(Reservation reservation, List<ReservedPart> restored, boolean alreadyEnded) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();

    private final Map<String, Reservation> reservations = new LinkedHashMap<>();

    private final Clock clock;

    private final Duration reservationTtl;

    private long lastReservation;

    PartsCatalogue(Seed seed, Clock clock, Duration reservationTtl) {
        seed.parts().forEach(part -> this.parts.put(part.partNumber().toUpperCase(Locale.ROOT), part));
        this.clock = clock;
        this.reservationTtl = reservationTtl;
    }

    synchronized Part get(String partNumber) {
        expireDue();
        Part part = this.parts.get(partNumber);
        if (part == null) {
            throw StubException.notFound("part", partNumber);
        }
        return part;
    }

    synchronized List<Part> find(Predicate<Part> criteria) {
        expireDue();
        return this.parts.values().stream().filter(criteria).toList();
    }

    /** Units of the part held by live reservations. */
    synchronized int reserved(String partNumber) {
        expireDue();
        return this.reservations.values()
            .stream()
            .filter(reservation -> reservation.status() == Status.RESERVED)
            .flatMap(reservation -> reservation.reservedParts().stream())
            .filter(line -> line.partNumber().equals(partNumber))
            .mapToInt(ReservedPart::quantity)
            .sum();
    }

    synchronized Reservation getReservation(String reservationId) {
        expireDue();
        Reservation reservation = this.reservations.get(reservationId);
        if (reservation == null) {
            throw StubException.notFound("reservation", reservationId);
        }
        return reservation;
    }

    /**
     * Holds the quantities for the repair order, all of them or none.
     * @param quantities part number to quantity, in the caller's order
     */
    synchronized Reservation reserve(String repairOrderId, Map<String, Integer> quantities) {
        expireDue();
        List<String> unknown = quantities.keySet().stream().filter(number -> !this.parts.containsKey(number)).toList();
        if (!unknown.isEmpty()) {
            throw new StubException(ToolErrorCode.NOT_FOUND, "part " + String.join(", ", unknown) + " not found",
                    Map.of("entity", "part", "id", unknown.get(0), "part_numbers", unknown));
        }
        List<Map<String, Object>> shortages = new ArrayList<>();
        quantities.forEach((number, quantity) -> {
            int stock = this.parts.get(number).stock();
            if (stock < quantity) {
                shortages.add(Map.of("part_number", number, "requested", quantity, "available", stock));
            }
        });
        if (!shortages.isEmpty()) {
            throw StubException.conflict("not enough stock to reserve " + String.join(", ",
                    shortages.stream().map(shortage -> (String) shortage.get("part_number")).toList())
                    + " for repair order " + repairOrderId + "; nothing was reserved",
                    Map.of("repair_order_id", repairOrderId, "shortages", shortages));
        }
        List<ReservedPart> held = new ArrayList<>();
        quantities.forEach((number, quantity) -> {
            Part part = this.parts.get(number).withStock(this.parts.get(number).stock() - quantity);
            this.parts.put(number, part);
            held.add(new ReservedPart(number, part.name(), quantity, part.price(), part.stock()));
        });
        Instant now = now();
        Reservation reservation = new Reservation("RES-%06d".formatted(++this.lastReservation), repairOrderId, held,
                Status.RESERVED, now, now.plus(this.reservationTtl), null);
        this.reservations.put(reservation.reservationId(), reservation);
        return reservation;
    }

    /** Gives the reserved stock back, once: releasing an ended reservation restores nothing. */
    synchronized Release release(String reservationId) {
        Reservation reservation = getReservation(reservationId);
        if (reservation.status() != Status.RESERVED) {
            return new Release(reservation, List.of(), true);
        }
        Reservation released = end(reservation, Status.RELEASED);
        List<ReservedPart> restored = released.reservedParts()
            .stream()
            .map(line -> new ReservedPart(line.partNumber(), line.name(), line.quantity(), line.unitPrice(),
                    this.parts.get(line.partNumber()).stock()))
            .toList();
        return new Release(released, restored, false);
    }

    private void expireDue() {
        Instant now = now();
        List.copyOf(this.reservations.values())
            .stream()
            .filter(reservation -> reservation.status() == Status.RESERVED && !now.isBefore(reservation.expiryTime()))
            .forEach(reservation -> end(reservation, Status.EXPIRED));
    }

    private Reservation end(Reservation reservation, Status status) {
        for (ReservedPart line : reservation.reservedParts()) {
            Part part = this.parts.get(line.partNumber());
            this.parts.put(part.partNumber(), part.withStock(part.stock() + line.quantity()));
        }
        Reservation ended = reservation.ended(status, now());
        this.reservations.put(ended.reservationId(), ended);
        return ended;
    }

    private Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

}
