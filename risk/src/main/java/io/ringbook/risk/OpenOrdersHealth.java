package io.ringbook.risk;

import io.ringbook.engine.book.OpenExposure;
import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.RiskStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The venue's open orders against its cap, as {@code /health} shows them: DEGRADED from
 * {@value #DEGRADED_PCT}% of the cap (operators see the venue filling before new orders
 * are refused with {@code MAX_OPEN_ORDERS}), UP below. Not critical: at the cap the venue
 * still cancels, amends and trades. Details: {@code openOrders}, and with a cap
 * {@code maxOpenOrders} and {@code usedPct}. Reads the logic's counter and the board from the
 * admin API's thread; both may be a command behind.
 */
public final class OpenOrdersHealth implements HealthComponent {

    static final int DEGRADED_PCT = 90;

    private final OpenExposure open;
    private final RiskStatus risk;

    public OpenOrdersHealth(OpenExposure open, RiskStatus risk) {
        this.open = open;
        this.risk = risk;
    }

    @Override
    public String name() {
        return "openOrders";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public HealthCheck check() {
        long count = open.openOrders();
        long cap = risk.venueMaxOpenOrders();
        boolean capped = cap != AccountLimits.UNLIMITED;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("openOrders", count);
        if (capped) {
            details.put("maxOpenOrders", cap);
            details.put("usedPct", usedPct(count, cap));
        }
        boolean near = capped && count * 100 >= cap * DEGRADED_PCT;
        if (near) {
            details.put("reason", count >= cap ? "at the venue's cap on open orders: new orders are refused (MAX_OPEN_ORDERS)"
                    : "open orders at " + usedPct(count, cap) + "% of the venue's cap");
        }
        return new HealthCheck(near ? HealthStatus.DEGRADED : HealthStatus.UP, details);
    }

    /** How full the venue is, in percent; a cap of 0 (no open order allowed) is full. */
    private static long usedPct(long count, long cap) {
        return cap == 0 ? 100 : count * 100 / cap;
    }
}
