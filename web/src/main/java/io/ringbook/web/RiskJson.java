package io.ringbook.web;

import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.limits.BreakerStatus;
import io.ringbook.engine.limits.KillSwitchStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** Breakers and kill switches as both APIs show them (the admin API's lists, a client's own account). */
public final class RiskJson {

    private RiskJson() {
    }

    /** {@code {name,state,trips,openedAt,nextRetryAt,healthScore}}; names are {@code volatility:BTC-USD}, {@code reject-storm:T1}. */
    public static Map<String, Object> breaker(BreakerStatus status, ReferenceData data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", status.kind().prefix() + ":" + (status.kind().perAccount()
                ? data.accounts().name(status.target()) : data.symbols().get(status.target()).name()));
        json.put("state", status.state().name());
        json.put("trips", status.trips());
        json.put("openedAt", status.openedAtNanos() == 0 ? null : EventTime.iso(status.openedAtNanos()));
        json.put("nextRetryAt", status.nextRetryAtNanos() == 0 ? null : EventTime.iso(status.nextRetryAtNanos()));
        json.put("healthScore", status.healthScore());
        return json;
    }

    /** {@code {account,active,since}}; account null for the global switch. */
    public static Map<String, Object> killSwitch(KillSwitchStatus status, ReferenceData data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", status.accountId() < 0 ? null : data.accounts().name(status.accountId()));
        json.put("active", status.active());
        json.put("since", status.active() ? EventTime.iso(status.sinceNanos()) : null);
        return json;
    }
}
