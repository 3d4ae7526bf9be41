package com.autoretail.payment;

import com.autoretail.common.wire.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The payment data rules: the repair order number (the invoice number), a positive amount with at most two
 * decimals, a real ISO-4217 currency and a deliverable email address. Each check names its field, and
 * {@link #paymentData(Map)} returns every failure, not just the first.
 */
final class PaymentRules {

    /** 3 to 10 digits, optionally written RO-1234, RO1234 or #1234 (the payment system reads them as 1234). */
    static final String REPAIR_ORDER_PATTERN = "^(?:[Rr][Oo][-_ #]?|#)?[0-9]{3,10}$";
    static final String CURRENCY_PATTERN = "^[A-Z]{3}$";
    static final int MAX_DECIMALS = 2;
    /** The largest amount one payment link or refund may carry. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");
    static final List<String> CHANNELS = List.of("email", "sms");

    private static final Pattern REPAIR_ORDER = Pattern.compile(REPAIR_ORDER_PATTERN);
    private static final Pattern CURRENCY_CODE = Pattern.compile(CURRENCY_PATTERN);
    /** Stricter than JSON Schema's {@code format: email}: a domain with a top-level part, as a mail server needs. */
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{6,19}$");
    /** The ISO-4217 codes the JDK knows, without XTS (for testing) and XXX (no currency). */
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .filter(code -> !code.equals("XTS") && !code.equals("XXX"))
            .collect(Collectors.toUnmodifiableSet());

    /** The answer of {@code validate_payment_data}. */
    record Verdict(boolean valid, List<FieldError> errors) {
    }

    private PaymentRules() {
    }

    static Verdict verdict(Map<String, Object> parameters) {
        List<FieldError> errors = paymentData(parameters);
        return new Verdict(errors.isEmpty(), errors);
    }

    /** Every problem of the parameters of {@code create_payment_link}. */
    static List<FieldError> paymentData(Map<String, Object> parameters) {
        List<FieldError> errors = new ArrayList<>();
        repairOrder("repair_order_id", parameters.get("repair_order_id")).ifPresent(errors::add);
        amount("amount", parameters.get("amount")).ifPresent(errors::add);
        currency("currency", parameters.get("currency")).ifPresent(errors::add);
        email("customer_email", parameters.get("customer_email")).ifPresent(errors::add);
        return errors;
    }

    static Optional<FieldError> repairOrder(String field, Object value) {
        if (!(value instanceof String text)) {
            return required(field, value, "string");
        }
        return REPAIR_ORDER.matcher(text).matches() ? Optional.empty() : fail(field,
                "must be a repair order number of 3 to 10 digits (e.g. 1234 or RO-1234), was '" + text + "'");
    }

    static Optional<FieldError> amount(String field, Object value) {
        if (!(value instanceof Number number)) {
            return required(field, value, "number");
        }
        double asDouble = number.doubleValue();
        if (Double.isNaN(asDouble) || Double.isInfinite(asDouble)) {
            return fail(field, "must be a finite number");
        }
        BigDecimal amount = new BigDecimal(number.toString());
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return fail(field, "must be at most " + MAX_AMOUNT.toPlainString() + ", was " + amount.toPlainString());
        }
        if (amount.signum() <= 0) {
            return fail(field, "must be greater than 0, was " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return fail(field, "must have at most " + MAX_DECIMALS + " decimals, was " + amount.toPlainString());
        }
        return Optional.empty();
    }

    /** Optional: the payment system defaults to USD. */
    static Optional<FieldError> currency(String field, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String code)) {
            return fail(field, "must be a string");
        }
        if (!CURRENCY_CODE.matcher(code).matches()) {
            return fail(field, "must be a 3-letter upper-case ISO-4217 code such as USD, was '" + code + "'");
        }
        return CURRENCIES.contains(code) ? Optional.empty() : fail(field, "is not an ISO-4217 currency code: " + code);
    }

    static Optional<FieldError> email(String field, Object value) {
        if (!(value instanceof String text)) {
            return required(field, value, "string");
        }
        return EMAIL.matcher(text).matches() ? Optional.empty()
                : fail(field, "is not a valid email address: '" + text + "'");
    }

    static Optional<FieldError> phone(String field, String value) {
        return PHONE.matcher(value).matches() ? Optional.empty()
                : fail(field, "is not a phone number: '" + value + "'");
    }

    private static Optional<FieldError> required(String field, Object value, String type) {
        return fail(field, value == null ? "is required" : "must be a " + type);
    }

    private static Optional<FieldError> fail(String field, String message) {
        return Optional.of(new FieldError(field, message));
    }
}
