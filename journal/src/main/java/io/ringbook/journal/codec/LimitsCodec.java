package io.ringbook.journal.codec;

import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.PerSymbolLimit;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.ringbook.journal.codec.RecordHeader.ORDER;

/**
 * An account's limits inside a SET_LIMITS command or a LIMITS_CHANGED event:
 * <pre>
 *   0 symbols i32, 4 maxOrderQty default i64 then one i64 per symbol (-1 = default),
 *   maxPosition the same, then maxOrderNotional, maxGrossNotional, maxConcentrationBps,
 *   concentrationMinGross, maxOpenOrders, maxOpenOrdersPerSymbol, maxOrdersPerSecond,
 *   dailyLossLimit (i64 each; Long.MAX_VALUE = unlimited)
 * </pre>
 * A record without limits (a refused command's event) has symbols = -1 and nothing after.
 */
final class LimitsCodec {

    private LimitsCodec() {
    }

    static int encode(AccountLimits limits, MutableDirectBuffer buffer, int at) {
        if (limits == null) {
            buffer.putInt(at, -1, ORDER);
            return 4;
        }
        int symbols = limits.maxOrderQty().symbols();
        buffer.putInt(at, symbols, ORDER);
        int next = putPerSymbol(limits.maxOrderQty(), buffer, at + 4);
        next = putPerSymbol(limits.maxPosition(), buffer, next);
        long[] scalars = {limits.maxOrderNotional(), limits.maxGrossNotional(), limits.maxConcentrationBps(),
                limits.concentrationMinGross(), limits.maxOpenOrders(), limits.maxOpenOrdersPerSymbol(),
                limits.maxOrdersPerSecond(), limits.dailyLossLimit()};
        for (long value : scalars) {
            buffer.putLong(next, value, ORDER);
            next += 8;
        }
        return next - at;
    }

    /** The bytes of the limits {@link #encode} wrote at {@code at} (read from their count of symbols). */
    static long length(DirectBuffer buffer, int at) {
        long symbols = buffer.getInt(at, ORDER);
        return symbols < 0 ? 4 : 4 + 2 * (8 + 8 * symbols) + 8 * 8;
    }

    static AccountLimits decode(DirectBuffer buffer, int at) {
        int symbols = buffer.getInt(at, ORDER);
        if (symbols == -1) {
            return null;
        }
        if (symbols < 0 || symbols > 0xFFFF) {
            throw new JournalFormatException("limits for " + symbols + " symbols");
        }
        int next = at + 4;
        PerSymbolLimit maxOrderQty = getPerSymbol(buffer, next, symbols);
        next += 8 + 8 * symbols;
        PerSymbolLimit maxPosition = getPerSymbol(buffer, next, symbols);
        next += 8 + 8 * symbols;
        long[] s = new long[8];
        for (int i = 0; i < s.length; i++) {
            s[i] = buffer.getLong(next + 8 * i, ORDER);
        }
        try {
            return new AccountLimits(maxOrderQty, maxPosition, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
        } catch (IllegalArgumentException e) {
            throw new JournalFormatException("invalid limits: " + e.getMessage());
        }
    }

    private static int putPerSymbol(PerSymbolLimit limit, MutableDirectBuffer buffer, int at) {
        buffer.putLong(at, limit.fallback(), ORDER);
        for (int symbol = 0; symbol < limit.symbols(); symbol++) {
            buffer.putLong(at + 8 + 8 * symbol, limit.override(symbol), ORDER);
        }
        return at + 8 + 8 * limit.symbols();
    }

    private static PerSymbolLimit getPerSymbol(DirectBuffer buffer, int at, int symbols) {
        long[] overrides = new long[symbols];
        for (int symbol = 0; symbol < symbols; symbol++) {
            overrides[symbol] = buffer.getLong(at + 8 + 8 * symbol, ORDER);
        }
        try {
            return new PerSymbolLimit(buffer.getLong(at, ORDER), overrides);
        } catch (IllegalArgumentException e) {
            throw new JournalFormatException("invalid limits: " + e.getMessage());
        }
    }
}
