package io.ringbook.gateway.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.web.ApiException;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * A request body that must be one flat JSON object of known fields, read with Jackson's
 * streaming parser into one value per field, without building a tree. The whole body is
 * read before anything is judged, so malformed JSON is always {@code MALFORMED_JSON},
 * whatever else is wrong with it; then the first field not among the known ones (in the
 * body's order) is {@code UNKNOWN_FIELD}. A field given twice keeps its last value.
 * Numbers are read exactly, as BigDecimal (never a double); a fractional number loses
 * its trailing zeros, as Jackson's tree reading does ({@code 1.50} is {@code 1.5}).
 */
final class FlatJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** What a field held. */
    enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NESTED }

    /** A field's value: its kind and, by kind, its text, number or flag. */
    record Value(Kind kind, String text, BigDecimal number, boolean flag) {
    }

    private final String[] fields;

    /** @param fields the names a body may have; a value is found by its name's position here */
    FlatJson(String... fields) {
        this.fields = fields.clone();
    }

    /** The values of {@code body}, in the order of the names given at construction; null where a field is absent or null. */
    Value[] read(String body) {
        Value[] values = new Value[fields.length];
        String unknown = null;
        boolean object;
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            object = first == JsonToken.START_OBJECT;
            if (object) {
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                    String name = parser.currentName();
                    int index = indexOf(name);
                    Value value = value(parser, parser.nextToken());
                    if (index >= 0) {
                        values[index] = value;
                    } else if (unknown == null) {
                        unknown = name;
                    }
                }
            } else if (first != null) {
                parser.skipChildren();
            }
            if (first != null && parser.nextToken() != null) {
                throw malformed();
            }
        } catch (IOException notJson) {
            throw malformed();
        }
        if (!object) {
            throw ApiException.badRequest("MALFORMED_JSON", "the body must be a JSON object");
        }
        if (unknown != null) {
            throw ApiException.badRequest("UNKNOWN_FIELD", "unknown field '" + ClientText.quote(unknown) + "'");
        }
        return values;
    }

    private static Value value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> new Value(Kind.STRING, parser.getText(), null, false);
            case VALUE_NUMBER_INT -> new Value(Kind.INTEGER, null, parser.getDecimalValue(), false);
            case VALUE_NUMBER_FLOAT -> new Value(Kind.DECIMAL, null, stripped(parser.getDecimalValue()), false);
            case VALUE_TRUE, VALUE_FALSE -> new Value(Kind.BOOLEAN, null, null, token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> null;
            default -> {
                parser.skipChildren();
                yield new Value(Kind.NESTED, null, null, false);
            }
        };
    }

    private static BigDecimal stripped(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    private int indexOf(String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static ApiException malformed() {
        return ApiException.badRequest("MALFORMED_JSON", "the body is not valid JSON");
    }
}
