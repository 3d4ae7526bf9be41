package com.autoretail.mcpstubs.repairorders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.autoretail.mcpstubs.repairorders.RepairOrder.Note;
import com.autoretail.mcpstubs.repairorders.RepairOrder.PartLine;
import com.autoretail.mcpstubs.repairorders.Workshop.Customer;
import com.autoretail.mcpstubs.repairorders.Workshop.Technician;
import com.autoretail.mcpstubs.repairorders.Workshop.Vehicle;
import com.autoretail.mcpstubs.server.StubException;
import com.autoretail.mcpstubs.server.ToolErrorCode;

/**
 * The repair orders of the dealer, in memory. Every read and change holds the book's lock, and an
 * order is replaced, never mutated, so a reader never sees half a change.
 */
final class RepairOrderBook {

    private final Map<String, RepairOrder> orders = new LinkedHashMap<>();

    private final Map<String, Customer> customers;

    private final Map<String, Vehicle> vehicles;

    private final Map<String, Technician> technicians;

    private final PriceList priceList;

    private final Clock clock;

    private long lastNumber;

    RepairOrderBook(Workshop workshop, PriceList priceList, Clock clock) {
        this.customers = index(workshop.customers(), Customer::customerId);
        this.vehicles = index(workshop.vehicles(), Vehicle::vehicleId);
        this.technicians = index(workshop.technicians(), Technician::technicianId);
        this.priceList = priceList;
        this.clock = clock;
        workshop.repairOrders().forEach(order -> this.orders.put(order.repairOrderId(), order));
        this.lastNumber = this.orders.keySet()
            .stream()
            .filter(id -> id.matches("\\d{1,18}"))
            .mapToLong(Long::parseLong)
            .max()
            .orElse(1000);
    }

    /** Outcome of a change that may already have been made: then nothing changed. */
    record Outcome<T>(RepairOrder order, T subject, boolean alreadyDone) {
    }

    synchronized RepairOrder get(String repairOrderId) {
        RepairOrder order = this.orders.get(repairOrderId);
        if (order == null) {
            throw StubException.notFound("repair_order", repairOrderId);
        }
        return order;
    }

    synchronized List<RepairOrder> list(RepairOrderStatus status, String customerId) {
        return this.orders.values()
            .stream()
            .filter(order -> status == null || order.status() == status)
            .filter(order -> customerId == null || order.customerId().equalsIgnoreCase(customerId))
            .toList();
    }

    synchronized RepairOrder create(String customerId, String vehicleRef, String serviceDescription, String user) {
        Customer customer = customer(customerId)
            .orElseThrow(() -> StubException.notFound("customer", customerId));
        Vehicle vehicle = this.vehicles.values()
            .stream()
            .filter(candidate -> candidate.vehicleId().equalsIgnoreCase(vehicleRef)
                    || candidate.vin().equalsIgnoreCase(vehicleRef))
            .findFirst()
            .orElseThrow(() -> StubException.notFound("vehicle", vehicleRef));
        if (!vehicle.customerId().equals(customer.customerId())) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR, "vehicle " + vehicle.vehicleId()
                    + " does not belong to customer " + customer.customerId(), Map.of("field", "vehicle_id",
                            "vehicle_id", vehicle.vehicleId(), "customer_id", customer.customerId()));
        }
        String repairOrderId = Long.toString(++this.lastNumber);
        RepairOrder order = RepairOrder.open(repairOrderId, customer.customerId(), vehicle.vehicleId(),
                serviceDescription, now(), user);
        this.orders.put(repairOrderId, order);
        return order;
    }

    synchronized RepairOrder moveTo(String repairOrderId, RepairOrderStatus next, String note, String user) {
        RepairOrder order = get(repairOrderId);
        if (!order.status().canMoveTo(next)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("repair_order_id", repairOrderId);
            details.put("current_status", order.status().wireName());
            details.put("requested_status", next.wireName());
            details.put("allowed_transitions",
                    order.status().allowedTransitions().stream().map(RepairOrderStatus::wireName).toList());
            throw StubException.conflict("repair order " + repairOrderId + " cannot move from "
                    + order.status().wireName() + " to " + next.wireName(), details);
        }
        return replace(order.movedTo(next, now(), user, note));
    }

    synchronized Outcome<Technician> assign(String repairOrderId, String technicianId) {
        RepairOrder order = get(repairOrderId);
        Technician technician = technician(technicianId)
            .orElseThrow(() -> StubException.notFound("technician", technicianId));
        if (order.technicians().contains(technician.technicianId())) {
            return new Outcome<>(order, technician, true);
        }
        refuseWhenFinished(order, "assign a technician to");
        if (!technician.available()) {
            throw StubException.conflict("technician " + technician.technicianId() + " is not available",
                    Map.of("technician_id", technician.technicianId(), "available", false));
        }
        return new Outcome<>(replace(order.withTechnician(technician.technicianId(), now())), technician, false);
    }

    synchronized Outcome<Note> addNote(String repairOrderId, String text, String author) {
        RepairOrder order = get(repairOrderId);
        if (order.status() == RepairOrderStatus.CLOSED) {
            throw StubException.conflict("repair order " + repairOrderId + " is closed: no more notes",
                    Map.of("repair_order_id", repairOrderId, "current_status", order.status().wireName()));
        }
        Note note = new Note(repairOrderId + "-N" + (order.notes().size() + 1), text, author, now());
        return new Outcome<>(replace(order.withNote(note)), note, false);
    }

    synchronized Outcome<PartLine> addPart(String repairOrderId, String partNumber, int quantity, String reservationId,
            BigDecimal unitPrice) {
        RepairOrder order = get(repairOrderId);
        if (reservationId != null) {
            // a retried call carrying the same reservation records the line once
            Optional<PartLine> recorded = order.parts()
                .stream()
                .filter(line -> reservationId.equals(line.reservationId()) && line.partNumber().equals(partNumber))
                .findFirst();
            if (recorded.isPresent()) {
                return new Outcome<>(order, recorded.get(), true);
            }
        }
        refuseWhenFinished(order, "add parts to");
        // a part the catalogue does not list is refused, not recorded as a line without name or price
        PriceList.Entry listed = this.priceList.find(partNumber)
            .orElseThrow(() -> StubException.notFound("part", partNumber));
        BigDecimal price = unitPrice != null ? unitPrice : listed.price();
        PartLine line = new PartLine(repairOrderId + "-L" + (order.parts().size() + 1), partNumber,
                listed.name(), quantity, price, reservationId, now());
        return new Outcome<>(replace(order.withPart(line)), line, false);
    }

    Optional<Customer> customer(String customerId) {
        return this.customers.values().stream().filter(c -> c.customerId().equalsIgnoreCase(customerId)).findFirst();
    }

    Optional<Vehicle> vehicle(String vehicleId) {
        return Optional.ofNullable(this.vehicles.get(vehicleId));
    }

    Optional<Technician> technician(String technicianId) {
        return Optional.ofNullable(this.technicians.get(technicianId.toUpperCase(Locale.ROOT)));
    }

    private void refuseWhenFinished(RepairOrder order, String action) {
        if (order.status().isWorkFinished()) {
            throw StubException.conflict("cannot " + action + " repair order " + order.repairOrderId() + " in status "
                    + order.status().wireName(), Map.of("repair_order_id", order.repairOrderId(), "current_status",
                            order.status().wireName()));
        }
    }

    private RepairOrder replace(RepairOrder order) {
        this.orders.put(order.repairOrderId(), order);
        return order;
    }

    private Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return Objects.requireNonNullElse(items, List.<T>of())
            .stream()
            .collect(Collectors.toUnmodifiableMap(id, Function.identity()));
    }

}
