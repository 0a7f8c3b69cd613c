package io.ringbook.engine.limits;

import java.util.Arrays;

/**
 * A limit with a default for every symbol ({@code "*"}) and overrides for some, in the
 * symbol's lots. {@link AccountLimits#UNLIMITED} means no limit; a symbol without an
 * override ({@link #INHERIT}) takes the default.
 */
public final class PerSymbolLimit {

    public static final long INHERIT = -1;

    private final long fallback;
    private final long[] bySymbol;

    /** {@code bySymbol} holds one entry per symbol id, {@link #INHERIT} where the default applies. */
    public PerSymbolLimit(long fallback, long[] bySymbol) {
        if (fallback < 0) {
            throw new IllegalArgumentException("a limit cannot be negative: " + fallback);
        }
        for (long value : bySymbol) {
            if (value < INHERIT) {
                throw new IllegalArgumentException("a limit cannot be negative: " + value);
            }
        }
        this.fallback = fallback;
        this.bySymbol = bySymbol.clone();
    }

    /** The same limit for every symbol. */
    public static PerSymbolLimit uniform(long value, int symbols) {
        long[] inherit = new long[symbols];
        Arrays.fill(inherit, INHERIT);
        return new PerSymbolLimit(value, inherit);
    }

    /** The limit that applies to a symbol. */
    public long of(int symbolId) {
        long value = bySymbol[symbolId];
        return value == INHERIT ? fallback : value;
    }

    public long fallback() {
        return fallback;
    }

    /** The symbol's own override, or {@link #INHERIT}. */
    public long override(int symbolId) {
        return bySymbol[symbolId];
    }

    public int symbols() {
        return bySymbol.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PerSymbolLimit that && fallback == that.fallback && Arrays.equals(bySymbol, that.bySymbol);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(fallback) + Arrays.hashCode(bySymbol);
    }

    @Override
    public String toString() {
        return fallback + Arrays.toString(bySymbol);
    }
}
