package com.autoretail.orchestrator.planning.rules;

/** What a clause of a request asks for, in the words used to tell the user what is missing. */
enum Intent {
    SALES_MESSAGE("pass a message to the sales agent"),
    ADD_NOTE("add a note to a repair order"),
    REFUND("refund a payment"),
    CANCEL_PAYMENT_LINK("cancel a payment link"),
    PAYMENT_NOTIFICATION("send a payment reminder or receipt"),
    PAYMENT_STATUS("check a payment's status"),
    PAYMENT_METHODS("list a customer's payment methods"),
    PAYMENT_LINK("send a payment link"),
    CREATE_REPAIR_ORDER("create a repair order"),
    REPAIR_HISTORY("show a repair order's history"),
    ASSIGN_TECHNICIAN("assign a technician"),
    COMPATIBILITY("check a part's fit for a vehicle"),
    ALTERNATIVE_PARTS("find alternatives to a part"),
    INVENTORY_HOLD("hold stock of a SKU"),
    INVENTORY_STOCK("check the stock of a SKU"),
    ADD_PART("add a part to a repair order"),
    PART_AVAILABILITY("check a part's availability"),
    STATUS_CHANGE("change a repair order's status"),
    PART_SEARCH("search the parts catalogue"),
    PART_DETAILS("show a part's details"),
    REPAIR_ORDER_DETAILS("show a repair order");

    final String label;

    Intent(String label) {
        this.label = label;
    }
}
