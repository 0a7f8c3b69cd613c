package io.ringbook.engine.limits;

/** The circuit breakers, each named {@code prefix:TARGET} in the admin API. */
public enum BreakerKind {
    /** Per symbol: the price moved too far within a window; the symbol halts. */
    VOLATILITY("volatility", false),
    /** Per account: too many rejects within a window; the account's new orders are refused. */
    REJECT_STORM("reject-storm", true),
    /** Per account: the day's loss passed its limit; risk-increasing orders are refused. */
    DAILY_LOSS("daily-loss", true);

    private final String prefix;
    private final boolean perAccount;

    BreakerKind(String prefix, boolean perAccount) {
        this.prefix = prefix;
        this.perAccount = perAccount;
    }

    public String prefix() {
        return prefix;
    }

    /** Whether its target is an account (else a symbol). */
    public boolean perAccount() {
        return perAccount;
    }

    /** The kind named by a breaker name's prefix, or null. */
    public static BreakerKind ofPrefix(String prefix) {
        for (BreakerKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        return null;
    }
}
