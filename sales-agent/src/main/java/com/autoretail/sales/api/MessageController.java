package com.autoretail.sales.api;

import com.autoretail.common.web.ErrorResponses;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.FieldError;
import com.autoretail.sales.conversation.ConversationService;
import com.autoretail.sales.conversation.MessageReply;
import com.autoretail.sales.conversation.MessageRules;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The customer's endpoint. Every other error (unreadable body, wrong content type, a session store that is down) is
 * answered by the fleet's problem+json advice; an invalid message here, so that the problem lists each field.
 */
@RestController
class MessageController {

    private final ConversationService conversation;
    private final MessageRules rules;

    MessageController(ConversationService conversation, MessageRules rules) {
        this.conversation = conversation;
        this.rules = rules;
    }

    @PostMapping(path = "/api/message", consumes = MediaType.APPLICATION_JSON_VALUE)
    MessageReply message(@RequestBody MessageRequest request) {
        List<FieldError> errors = rules.validate(request.message(), request.sessionId());
        if (!errors.isEmpty()) {
            throw new InvalidMessageException(errors);
        }
        return conversation.handle((String) request.message(), (String) request.sessionId());
    }

    @ExceptionHandler(InvalidMessageException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidMessageException e, HttpServletRequest request) {
        ProblemDetail problem = ErrorResponses.problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
        problem.setProperty("error_code", ErrorCode.VALIDATION_ERROR.name());
        problem.setProperty("errors", e.errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static final class InvalidMessageException extends RuntimeException {

        private final transient List<FieldError> errors;

        InvalidMessageException(List<FieldError> errors) {
            super("Invalid message: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
            this.errors = errors;
        }
    }
}
