package com.autoretail.common.web;

import com.autoretail.common.wire.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns an unreadable request body, or a request parameter of the wrong type, into a message for the caller that
 * names the field and the type it needs, without Java class names or parser internals.
 */
public final class RequestBodyErrors {

    private RequestBodyErrors() {
    }

    public static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    public static FieldError describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (tooLarge(e)) {
            return new FieldError("", "request body too large");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "unknown field");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new FieldError(path(mismatch), "must be " + jsonType(mismatch.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), "has an invalid value");
        }
        if (cause instanceof JsonProcessingException parse) {
            String location = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return new FieldError("", "malformed JSON" + location);
        }
        return new FieldError("", "a JSON object body is required");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /**
     * A request parameter, header or path variable that does not convert to what the endpoint takes: its name and
     * the type it needs, never the converter's message.
     */
    public static FieldError describe(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : String.valueOf(e.getPropertyName());
        Class<?> type = e.getRequiredType();
        boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class;
        return new FieldError(name, whole ? "must be a whole number within range" : "must be " + jsonType(type));
    }

    private static String jsonType(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }
}
