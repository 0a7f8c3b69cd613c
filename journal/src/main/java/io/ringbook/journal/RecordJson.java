package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.ConfigCodec;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.QuarantineCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import org.agrona.DirectBuffer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A journal record as one line of JSON for auditors: names instead of ids, decimals at
 * the symbol's scale, times in ISO-8601. Off the hot path; allocates freely.
 */
public final class RecordJson {

    private RecordJson() {
    }

    /** The record with limits as stored (no {@link LimitsShape}). */
    public static String of(DirectBuffer buffer, int offset, ReferenceData data) {
        return of(buffer, offset, data, null);
    }

    /** The record with limits in {@code shape}'s form, or as stored for null. */
    public static String of(DirectBuffer buffer, int offset, ReferenceData data, LimitsShape shape) {
        RecordType type = RecordHeader.type(buffer, offset);
        Json json = new Json().field("seq", RecordHeader.sequence(buffer, offset))
                .text("time", EventTime.iso(RecordHeader.eventTime(buffer, offset)))
                .text("type", type.name());
        if (type.isCommand()) {
            Command c = new Command();
            CommandCodec.decode(buffer, offset, c);
            command(json, c, data, shape);
        } else if (type.isEvent()) {
            EngineEvent e = new EngineEvent();
            EventCodec.decode(buffer, offset, e);
            event(json, e, data, shape);
        } else if (type == RecordType.QUARANTINE) {
            json.field("quarantinedSeq", QuarantineCodec.quarantined(buffer, offset))
                    .text("quarantinedType", QuarantineCodec.quarantinedType(buffer, offset).name())
                    .text("reason", QuarantineCodec.reason(buffer, offset));
        } else {
            ReferenceData config = ConfigCodec.decode(buffer, offset);
            json.field("symbols", config.symbols().all().stream().map(s -> "\"" + s.name() + "\"").toList())
                    .field("accounts", config.accounts().all().stream().map(a -> "\"" + a + "\"").toList());
        }
        return json.end();
    }

    /** The account name of an id, or null. */
    static String account(ReferenceData data, int id) {
        return data != null && id >= 0 && id < data.accounts().size() ? data.accounts().name(id) : null;
    }

    private static void command(Json json, Command c, ReferenceData data, LimitsShape shape) {
        SymbolSpec symbol = symbol(data, c.symbolId);
        json.text("account", account(data, c.accountId));
        switch (c.type) {
            case NEW_ORDER -> json.text("symbol", name(symbol)).text("side", c.side).text("orderType", c.orderType)
                    .text("timeInForce", c.timeInForce).text("price", price(symbol, c.price)).text("qty", qty(symbol, c.qty))
                    .text("stpMode", c.stpMode).field("postOnly", c.postOnly)
                    .text("expireTime", c.expireTimeNanos == 0 ? null : EventTime.iso(c.expireTimeNanos))
                    .text("clOrdId", c.clOrdId.toString()).field("origin", c.origin);
            case CANCEL_ORDER -> json.field("orderId", c.orderId).text("clOrdId", c.clOrdId.toString());
            case AMEND_ORDER -> json.field("orderId", c.orderId).field("priceTicks", c.price).field("qtyLots", c.qty)
                    .text("clOrdId", c.clOrdId.toString());
            case MASS_CANCEL -> json.text("symbol", name(symbol));
            case CANCEL_ALL_AFTER -> json.field("timeoutMs", c.timeoutNanos / 1_000_000);
            case CANCEL_ON_DISCONNECT -> json.field("origin", c.origin);
            case CLOCK_TICK, SNAPSHOT, KILL_SWITCH, RELEASE_KILL_SWITCH -> {
            }
            case HALT_SYMBOL, RESUME_SYMBOL -> json.text("symbol", name(symbol));
            case TRIP_BREAKER, RESET_BREAKER -> json.text("breaker", c.breakerKind).text("symbol", name(symbol));
            case SET_LIMITS -> limits(json, c.limits, data, shape);
        }
    }

    private static void event(Json json, EngineEvent e, ReferenceData data, LimitsShape shape) {
        SymbolSpec symbol = symbol(data, e.symbolId);
        switch (e.type) {
            case SNAPSHOT_TAKEN, CONTROL_REJECTED -> {
            }
            case BREAKER_CHANGED -> json.text("breaker", e.breakerKind).text("account", account(data, e.accountId))
                    .text("symbol", name(symbol)).text("state", e.breakerState).field("trips", e.count)
                    .field("healthScore", e.healthScore);
            case SYMBOL_STATUS -> json.text("symbol", name(symbol)).field("halted", e.active);
            case KILL_SWITCH_CHANGED -> json.text("account", account(data, e.accountId)).field("active", e.active)
                    .field("canceledOrders", e.count);
            case LIMITS_CHANGED -> limits(json.text("account", account(data, e.accountId)), e.limits, data, shape);
            case BOOK_LEVEL -> json.text("symbol", name(symbol)).text("side", e.side).text("price", price(symbol, e.price))
                    .text("qty", qty(symbol, e.qty)).field("bookSequence", e.bookSequence);
            case MASS_CANCEL_DONE -> json.text("account", account(data, e.accountId)).text("symbol", name(symbol))
                    .field("count", e.count);
            case CANCEL_ALL_AFTER_SET -> json.text("account", account(data, e.accountId))
                    .text("deadline", e.expireTimeNanos == 0 ? null : EventTime.iso(e.expireTimeNanos));
            default -> {
                json.field("orderId", e.orderId).field("execId", e.execId).text("account", account(data, e.accountId))
                        .text("symbol", name(symbol)).text("side", e.side).text("orderType", e.orderType)
                        .text("timeInForce", e.timeInForce).text("price", price(symbol, e.price)).text("qty", qty(symbol, e.qty))
                        .text("filledQty", qty(symbol, e.filledQty)).text("status", e.status)
                        .text("rejectReason", e.rejectReason.name().equals("NONE") ? null : e.rejectReason)
                        .text("cancelReason", e.cancelReason.name().equals("NONE") ? null : e.cancelReason)
                        .text("clOrdId", e.clOrdId.toString());
                if (e.tradeId != 0) {
                    json.field("tradeId", e.tradeId).text("lastPrice", price(symbol, e.lastPrice))
                            .text("lastQty", qty(symbol, e.lastQty)).field("feeTickLots", e.fee).text("liquidity", e.liquidity);
                }
            }
        }
    }

    /** Limits in the admin API's shape (decimals at the symbols' scales), or as stored when the configuration or the shape is unknown. */
    private static Json limits(Json json, AccountLimits limits, ReferenceData data, LimitsShape shape) {
        if (data == null || limits == null || shape == null) {
            return json.text("limits", limits);
        }
        Map<String, Object> fields = new LinkedHashMap<>(shape.of("", limits, data.symbols()));
        fields.remove("account");
        return json.object("limits", fields);
    }

    private static SymbolSpec symbol(ReferenceData data, int id) {
        return data != null && id >= 0 && id < data.symbols().size() ? data.symbols().get(id) : null;
    }

    private static String name(SymbolSpec symbol) {
        return symbol == null ? null : symbol.name();
    }

    private static String price(SymbolSpec symbol, long ticks) {
        return symbol == null ? Long.toString(ticks) : symbol.price(ticks).toPlainString();
    }

    private static String qty(SymbolSpec symbol, long lots) {
        return symbol == null ? Long.toString(lots) : symbol.qty(lots).toPlainString();
    }

    /** A flat JSON object written in order; null text values are written as null. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder("{");

        Json field(String name, Object value) {
            key(name).append(value);
            return this;
        }

        Json text(String name, Object value) {
            key(name);
            if (value == null) {
                out.append("null");
            } else {
                quoted(value.toString());
            }
            return this;
        }

        /** A nested object of strings, numbers, nulls and objects. */
        Json object(String name, Map<String, ?> value) {
            key(name);
            nested(value);
            return this;
        }

        private void nested(Object value) {
            if (value == null || value instanceof Number) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    quoted(entry.getKey().toString());
                    out.append(':');
                    nested(entry.getValue());
                }
                out.append('}');
            } else {
                quoted(value.toString());
            }
        }

        private void quoted(String text) {
            out.append('"');
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }

        String end() {
            return out.append('}').toString();
        }

        private StringBuilder key(String name) {
            if (out.length() > 1) {
                out.append(',');
            }
            return out.append('"').append(name).append("\":");
        }
    }
}
