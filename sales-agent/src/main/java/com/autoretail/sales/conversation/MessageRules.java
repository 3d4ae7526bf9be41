package com.autoretail.sales.conversation;

import com.autoretail.common.wire.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a message must be, for {@code /api/message} and {@code handle_message} alike: {@code message} a non-blank
 * string of at most {@code sales.max-message-length} characters; {@code session_id}, when given, letters, digits,
 * {@code -} and {@code _}, at most 64 (it becomes part of Redis keys and idempotency keys).
 */
public class MessageRules {

    public static final int MAX_SESSION_ID_LENGTH = 64;
    public static final String SESSION_ID_PATTERN = "^[A-Za-z0-9_-]{1," + MAX_SESSION_ID_LENGTH + "}$";

    private static final Pattern SESSION_ID = Pattern.compile(SESSION_ID_PATTERN);

    private final int maxMessageLength;

    public MessageRules(int maxMessageLength) {
        this.maxMessageLength = maxMessageLength;
    }

    public int maxMessageLength() {
        return maxMessageLength;
    }

    /** Every failing field, empty when the message may be answered. */
    public List<FieldError> validate(Object message, Object sessionId) {
        List<FieldError> errors = new ArrayList<>();
        if (message == null) {
            errors.add(new FieldError("message", "is required"));
        } else if (!(message instanceof String text)) {
            errors.add(new FieldError("message", "must be a string"));
        } else if (text.isBlank()) {
            errors.add(new FieldError("message", "must not be blank"));
        } else if (text.length() > maxMessageLength) {
            errors.add(new FieldError("message", "must be at most " + maxMessageLength + " characters"));
        }
        if (sessionId != null) {
            if (!(sessionId instanceof String id)) {
                errors.add(new FieldError("session_id", "must be a string"));
            } else if (!SESSION_ID.matcher(id).matches()) {
                errors.add(new FieldError("session_id", "must be 1 to " + MAX_SESSION_ID_LENGTH
                        + " letters, digits, '-' or '_'"));
            }
        }
        return errors;
    }
}
