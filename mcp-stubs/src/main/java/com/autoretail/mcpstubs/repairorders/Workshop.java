package com.autoretail.mcpstubs.repairorders;

import java.util.List;

/**
 * The seed file of the repair-orders stub: the dealer's customers, their vehicles, the technicians
 * and the repair orders.
 */
record Workshop(List<Technician> technicians, List<Customer> customers, List<Vehicle> vehicles,
        List<RepairOrder> repairOrders) {

    record Technician(String technicianId, String name, List<String> skills, String certificationLevel,
            boolean available) {
    }

    record Customer(String customerId, String name, String email, String phone) {
    }

    record Vehicle(String vehicleId, String customerId, String vin, String make, String model, int year,
            Integer mileage, String licensePlate) {
    }

}
