package com.autoretail.orchestrator.planning.rules;

/** What a clause of a request asks for, in the words used to tell the user what is missing. */
enum Intent {
    SALES_MESSAGE("pass a message to the sales agent", true),
    ADD_NOTE("add a note to a repair order", true),
    RELEASE_RESERVATION("release a parts reservation", true),
    RELEASE_HOLD("release a stock hold", true),
    COMMIT_HOLD("commit a stock hold", true),
    REFUND("refund a payment", true),
    CANCEL_PAYMENT_LINK("cancel a payment link", true),
    PAYMENT_NOTIFICATION("send a payment reminder or receipt", true),
    VALIDATE_PAYMENT("check a payment link's data without sending it", false),
    PAYMENT_STATUS("check a payment's status", false),
    PAYMENT_METHODS("list a customer's payment methods", false),
    PAYMENT_LINK("send a payment link", true),
    CREATE_REPAIR_ORDER("create a repair order", true),
    REPAIR_HISTORY("show a repair order's history", false),
    ASSIGN_TECHNICIAN("assign a technician", true),
    COMPATIBILITY("check a part's fit for a vehicle", false),
    ALTERNATIVE_PARTS("find alternatives to a part", false),
    VALIDATE_PART("check that a part number is valid", false),
    INVENTORY_HOLD("hold stock of a SKU", true),
    INVENTORY_STOCK("check the stock of a SKU", false),
    ADD_PART("add a part to a repair order", true),
    PART_AVAILABILITY("check a part's availability", false),
    VALIDATE_TRANSITION("check whether a repair order may move to a status", false),
    STATUS_CHANGE("change a repair order's status", true),
    PART_SEARCH("search the parts catalogue", false),
    PART_DETAILS("show a part's details", false),
    REPAIR_ORDER_DETAILS("show a repair order", false);

    final String label;

    /** Whether the intent changes something at a dealer system, rather than reading. */
    final boolean changes;

    Intent(String label, boolean changes) {
        this.label = label;
        this.changes = changes;
    }
}
