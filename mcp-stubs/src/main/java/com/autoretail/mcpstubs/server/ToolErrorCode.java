package com.autoretail.mcpstubs.server;

/** Why a stub refused a tool call; the agents map each to their own error code and HTTP status. */
public enum ToolErrorCode {

    /** The entity named in the call (repair order, part, payment, reservation, ...) does not exist. */
    NOT_FOUND,

    /** A business rule refuses the call: an invalid status transition, not enough stock, ... */
    CONFLICT,

    /** An argument is missing, of the wrong type or out of range. */
    VALIDATION_ERROR,

    /** The call's idempotency key was already used for this tool with other arguments: nothing was done. */
    IDEMPOTENCY_KEY_REUSED

}
