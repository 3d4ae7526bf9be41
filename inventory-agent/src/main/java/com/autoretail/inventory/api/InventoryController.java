package com.autoretail.inventory.api;

import com.autoretail.common.security.Caller;
import com.autoretail.common.web.ErrorResponses;
import com.autoretail.inventory.InvalidRequestException;
import com.autoretail.inventory.InventoryService;
import com.autoretail.inventory.wire.AvailabilityView;
import com.autoretail.inventory.wire.CommitView;
import com.autoretail.inventory.wire.HoldRequest;
import com.autoretail.inventory.wire.HoldView;
import com.autoretail.inventory.wire.InventoryView;
import com.autoretail.inventory.wire.ReleaseView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inventory's own REST API, as the sales agent's client calls it. Refusals (404, 409) are answered by the
 * fleet's problem+json advice; validation failures here, so that the problem lists each failing field.
 */
@RestController
class InventoryController {

    static final String IDEMPOTENCY_KEY = "X-Idempotency-Key";

    private final InventoryService inventory;

    InventoryController(InventoryService inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/inventory/{sku}")
    InventoryView inventory(@PathVariable String sku) {
        return inventory.inventory(sku);
    }

    // quantity as text: a malformed number is reported next to the other fields, not as a binding failure
    @GetMapping("/availability/{sku}")
    AvailabilityView availability(@PathVariable String sku, @RequestParam(required = false) String quantity,
                                  @RequestParam(required = false) String location) {
        return inventory.availability(sku, quantity, location);
    }

    /** 201 for a new hold; 200 with the same hold when the idempotency key made it before. */
    @PostMapping("/hold")
    ResponseEntity<HoldView> hold(@RequestBody HoldRequest request,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        InventoryService.Placed placed = inventory.hold(request, idempotencyKey, IDEMPOTENCY_KEY,
                Caller.current());
        return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.hold());
    }

    @GetMapping("/hold/{holdId}")
    HoldView findHold(@PathVariable String holdId) {
        return inventory.findHold(holdId);
    }

    @DeleteMapping("/hold/{holdId}")
    ReleaseView release(@PathVariable String holdId) {
        return inventory.release(holdId);
    }

    @PostMapping("/hold/{holdId}/commit")
    CommitView commit(@PathVariable String holdId) {
        return inventory.commit(holdId);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e, HttpServletRequest request) {
        ProblemDetail problem = ErrorResponses.problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
        problem.setProperty("error_code", e.code().name());
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(problem);
    }
}
