package io.ringbook.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.RiskStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus view of the engine ({@code GET /metrics}), through Micrometer: counters
 * of orders in, accepted, rejected by reason, canceled by reason and trades, counted on
 * the outbound thread; gauges read at scrape time from the risk board (breaker states,
 * halts, kill switches), from every health component (status, and each numeric detail:
 * ring occupancy, journal lag, stream sessions, disk) and from the stage latencies
 * (percentiles since start, in seconds); and the JVM's memory, GC, threads and CPU.
 */
public final class EngineMetrics implements EngineListener {

    private static final double[] QUANTILES = {50, 90, 99, 99.9, 99.99};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter ordersIn;
    private final Counter accepted;
    private final Counter trades;
    private final Counter resent;
    private final Counter[] rejected = new Counter[RejectReason.values().length];
    private final Counter[] canceled = new Counter[CancelReason.values().length];

    public EngineMetrics(ReferenceData data, RiskStatus risk, StageLatency latency) {
        ordersIn = counter("ringbook_orders_in", "New orders the engine decided on, accepted or rejected");
        accepted = counter("ringbook_orders_accepted", "New orders the engine accepted");
        resent = counter("ringbook_orders_clordid_reused",
                "New orders whose clOrdId the account had already used that day: idempotent resends and conflicting bodies; "
                        + "neither makes an order, so neither counts as an order in or a reject");
        trades = counter("ringbook_trades", "Trades printed (one per taker fill)");
        for (RejectReason reason : RejectReason.values()) {
            if (reason != RejectReason.NONE && reason != RejectReason.DUPLICATE_CLORDID) {
                rejected[reason.ordinal()] = Counter.builder("ringbook_orders_rejected").description("New orders the engine rejected, by reason")
                        .tag("reason", reason.name()).register(registry);
            }
        }
        for (CancelReason reason : CancelReason.values()) {
            if (reason != CancelReason.NONE) {
                canceled[reason.ordinal()] = Counter.builder("ringbook_orders_canceled").description("Orders canceled or expired, by reason")
                        .tag("reason", reason.name()).register(registry);
            }
        }
        for (BreakerKind kind : BreakerKind.values()) {
            int targets = kind.perAccount() ? data.accounts().size() : data.symbols().size();
            for (int target = 0; target < targets; target++) {
                int t = target;
                String name = kind.prefix() + ":" + (kind.perAccount() ? data.accounts().name(t) : data.symbols().get(t).name());
                Gauge.builder("ringbook_breaker_state", () -> risk.breaker(kind, t).state().ordinal())
                        .description("Breaker state: 0 CLOSED, 1 OPEN, 2 HALF_OPEN").tag("name", name).register(registry);
                Gauge.builder("ringbook_breaker_trips", () -> risk.breaker(kind, t).trips())
                        .description("Times the breaker tripped since the journal began").tag("name", name).register(registry);
            }
        }
        for (int symbol = 0; symbol < data.symbols().size(); symbol++) {
            int s = symbol;
            Gauge.builder("ringbook_symbol_halted", () -> risk.halted(s) ? 1 : 0)
                    .description("1 while an operator halt or an open breaker stops the symbol's trading, else 0")
                    .tag("symbol", data.symbols().get(s).name()).register(registry);
        }
        for (int account = -1; account < data.accounts().size(); account++) {
            int a = account;
            Gauge.builder("ringbook_kill_switch_active", () -> risk.killSwitch(a).active() ? 1 : 0)
                    .description("1 while the kill switch is engaged (account \"*\" is the global switch), else 0")
                    .tag("account", a < 0 ? "*" : data.accounts().name(a)).register(registry);
        }
        for (String stage : StageLatency.STAGES) {
            for (double quantile : QUANTILES) {
                Gauge.builder("ringbook_stage_latency_seconds", () -> latency.percentileSinceStart(stage, quantile) / 1e6)
                        .description("Latency of a command's stage since start or the last reset, at a quantile")
                        .tag("stage", stage).tag("quantile", quantileLabel(quantile)).register(registry);
            }
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Adds gauges for a component's status (2 UP, 1 DEGRADED, 0 DOWN) and each of its numeric details. */
    public void watch(List<HealthComponent> components) {
        for (HealthComponent component : components) {
            Gauge.builder("ringbook_health_status", () -> 2 - component.check().status().ordinal())
                    .description("A health component's status: 2 UP, 1 DEGRADED, 0 DOWN").tag("component", component.name()).register(registry);
            HealthCheck first = component.check();
            for (Map.Entry<String, Object> detail : first.details().entrySet()) {
                if (detail.getValue() instanceof Number) {
                    String key = detail.getKey();
                    Gauge.builder("ringbook_health_detail", () -> number(component, key))
                            .description("A health component's numeric detail, as /health reports it").tag("component", component.name()).tag("detail", key).register(registry);
                }
            }
        }
    }

    @Override
    public void onEvent(EngineEvent event) {
        switch (event.type) {
            case ORDER_ACCEPTED -> {
                ordersIn.increment();
                accepted.increment();
            }
            case ORDER_REJECTED -> {
                if (event.rejectReason == RejectReason.DUPLICATE_CLORDID) {
                    resent.increment();
                } else {
                    ordersIn.increment();
                    rejected[event.rejectReason.ordinal()].increment();
                }
            }
            case ORDER_CANCELED, ORDER_EXPIRED -> {
                if (event.cancelReason != CancelReason.NONE) {
                    canceled[event.cancelReason.ordinal()].increment();
                }
            }
            case ORDER_FILLED -> {
                if (event.liquidity == Liquidity.TAKER) {
                    trades.increment();
                }
            }
            default -> {
            }
        }
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter counter(String name, String help) {
        return Counter.builder(name).description(help).register(registry);
    }

    /** {@code 99.9} percent as the label {@code "0.999"}, never a binary fraction's long tail. */
    private static String quantileLabel(double percent) {
        return BigDecimal.valueOf(percent).movePointLeft(2).stripTrailingZeros().toPlainString();
    }

    private static double number(HealthComponent component, String key) {
        HealthCheck check = component.check();
        return check.status() == HealthStatus.DOWN && !check.details().containsKey(key)
                ? Double.NaN : ((Number) check.details().getOrDefault(key, Double.NaN)).doubleValue();
    }
}
