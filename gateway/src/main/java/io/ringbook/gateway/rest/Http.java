package io.ringbook.gateway.rest;

import io.javalin.http.Context;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.web.ApiException;

import java.util.ArrayList;
import java.util.List;

/** What the gateway's routes share beyond {@link HttpJson}: symbol and paging parameters, and reading a command's outcome. */
final class Http {

    private Http() {
    }

    /** The symbol named in a path or query; 404 {@code UNKNOWN_SYMBOL} if there is none. */
    static SymbolSpec symbol(ReferenceData referenceData, String name) {
        return referenceData.symbols().find(name)
                .orElseThrow(() -> new ApiException(404, "UNKNOWN_SYMBOL", "no symbol " + ClientText.quote(name)));
    }

    static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("INVALID_FIELD", name + " must be a whole number from " + min + " to " + max);
    }

    /** The order's latest event among a command's outcome. */
    static EngineEvent latest(List<EngineEvent> events, long orderId) {
        EngineEvent latest = null;
        for (EngineEvent event : events) {
            if (event.orderId == orderId) {
                latest = event;
            }
        }
        return latest;
    }

    /** The order's fills among a command's outcome. */
    static List<EngineEvent> fillsOf(List<EngineEvent> events, long orderId) {
        List<EngineEvent> fills = new ArrayList<>();
        for (EngineEvent event : events) {
            if (event.type == EventType.ORDER_FILLED && event.orderId == orderId) {
                fills.add(event);
            }
        }
        return fills;
    }
}
