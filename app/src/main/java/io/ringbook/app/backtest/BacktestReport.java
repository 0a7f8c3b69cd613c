package io.ringbook.app.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ringbook.engine.domain.DecimalUnits;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A backtest's report, as JSON or as one self-contained HTML page (inline SVG, no
 * scripts, no network), by the file's extension: per account and overall the PnL, the
 * order and fill figures (the fill ratio per symbol: lots filled over lots ordered),
 * round-trip statistics, drawdown, a Sharpe-like ratio of daily PnL and rejects by reason;
 * breaker trips by breaker name and halts; the run's first rejected orders (orderId,
 * clOrdId, account, symbol, reason); and, for a recorded run, what the new settings
 * changed: orders now rejected or no longer rejected, and the PnL difference. Amounts
 * are quote decimals; PnL marks every account at each symbol's last trade. The HTML page
 * shows the same figures as the JSON.
 */
final class BacktestReport {

    private static final int CURVE_POINTS = 200;
    private static final int LISTED_CHANGES = 100;

    private BacktestReport() {
    }

    static Map<String, Object> build(Backtest.Outcome outcome, String source, String settings) {
        ReferenceData data = outcome.data();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("source", source);
        report.put("settings", settings);
        report.put("commands", outcome.commands());
        report.put("events", outcome.run().events());
        report.put("seconds", outcome.nanos() / 1e9);
        report.put("commandsPerSecond", Math.round(outcome.commands() * 1e9 / Math.max(1, outcome.nanos())));
        report.put("skippedRows", outcome.skippedRows());
        Map<String, Object> accounts = new LinkedHashMap<>();
        for (int a = 0; a < data.accounts().size(); a++) {
            accounts.put(data.accounts().name(a), account(outcome.run().account(a), data));
        }
        report.put("accounts", accounts);
        report.put("overall", account(outcome.run().overall(), data));
        report.put("breakerTrips", outcome.run().breakerTrips());
        report.put("halts", outcome.run().halts());
        report.put("rejectedOrders", rejectedOrders(outcome.now(), data));
        if (outcome.recorded() != null) {
            report.put("comparison", comparison(outcome, data));
        }
        return report;
    }

    static void write(Map<String, Object> report, Path file) throws IOException {
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            Files.writeString(file, BacktestPage.html(report));
        } else {
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        }
    }

    private static Map<String, Object> account(Analytics.Account a, ReferenceData data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pnl", money(a.equity, data));
        json.put("orders", a.orders);
        json.put("fills", a.fills);
        Map<String, Object> fillRatio = new LinkedHashMap<>();
        for (int symbol = 0; symbol < data.symbols().size(); symbol++) {
            if (a.orderedLots[symbol] > 0) {
                fillRatio.put(data.symbols().get(symbol).name(), round(a.fillRatio(symbol)));
            }
        }
        json.put("fillRatio", fillRatio);
        json.put("winRate", round(a.winRate()));
        json.put("profitFactor", round(a.profitFactor()));
        json.put("averageWin", Double.isNaN(a.averageWin()) ? null : money(Math.round(a.averageWin()), data));
        json.put("averageLoss", Double.isNaN(a.averageLoss()) ? null : money(Math.round(a.averageLoss()), data));
        json.put("maxDrawdown", money(a.maxDrawdown, data));
        json.put("sharpeDaily", round(a.sharpe()));
        json.put("rejects", a.rejects);
        List<Map<String, Object>> curve = new ArrayList<>();
        int step = Math.max(1, a.curve.size() / CURVE_POINTS);
        for (int i = 0; i < a.curve.size(); i += step) {
            curve.add(Map.of("time", EventTime.iso(a.curve.get(i)[0]), "pnl", money(a.curve.get(i)[1], data)));
        }
        json.put("pnlOverTime", curve);
        return json;
    }

    private static Map<String, Object> comparison(Backtest.Outcome outcome, ReferenceData data) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> nowRejected = new ArrayList<>();
        List<Map<String, Object>> noLongerRejected = new ArrayList<>();
        long nowCount = 0;
        long noLongerCount = 0;
        for (long s = outcome.now().first(); s <= outcome.now().last(); s++) {
            int now = outcome.now().outcome(s);
            int before = outcome.before().outcome(s);
            if (now == OrderOutcomes.NONE || before == OrderOutcomes.NONE || now == before) {
                continue;
            }
            Map<String, Object> change = order(outcome.before(), s, data);
            change.put("clOrdId", OrderOutcomes.rejected(now) ? outcome.now().rejectedClOrdId(s) : outcome.before().rejectedClOrdId(s));
            change.put("recorded", OrderOutcomes.describe(before));
            change.put("now", OrderOutcomes.describe(now));
            if (now != OrderOutcomes.ACCEPTED && before == OrderOutcomes.ACCEPTED) {
                nowCount++;
                if (nowRejected.size() < LISTED_CHANGES) {
                    nowRejected.add(change);
                }
            } else if (now == OrderOutcomes.ACCEPTED) {
                noLongerCount++;
                if (noLongerRejected.size() < LISTED_CHANGES) {
                    noLongerRejected.add(change);
                }
            }
        }
        json.put("nowRejected", nowCount);
        json.put("noLongerRejected", noLongerCount);
        json.put("nowRejectedOrders", nowRejected);
        json.put("noLongerRejectedOrders", noLongerRejected);
        Map<String, Object> pnl = new LinkedHashMap<>();
        for (int a = 0; a < data.accounts().size(); a++) {
            long recorded = outcome.recorded().account(a).equity;
            long now = outcome.run().account(a).equity;
            pnl.put(data.accounts().name(a), Map.of("recorded", money(recorded, data), "now", money(now, data),
                    "difference", money(now - recorded, data)));
        }
        json.put("pnl", pnl);
        return json;
    }

    /** The first rejected orders of the run, as the run numbered them. */
    private static List<Map<String, Object>> rejectedOrders(OrderOutcomes outcomes, ReferenceData data) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (long s = outcomes.first(); s <= outcomes.last() && listed.size() < LISTED_CHANGES; s++) {
            if (OrderOutcomes.rejected(outcomes.outcome(s))) {
                Map<String, Object> order = order(outcomes, s, data);
                order.put("clOrdId", outcomes.rejectedClOrdId(s));
                order.put("reason", OrderOutcomes.describe(outcomes.outcome(s)));
                listed.add(order);
            }
        }
        return listed;
    }

    /** Sequence, orderId, account and symbol of the order placed at sequence {@code s} (orderId as {@code outcomes} numbered it). */
    private static Map<String, Object> order(OrderOutcomes outcomes, long s, ReferenceData data) {
        int symbol = outcomes.symbol(s);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("sequence", s);
        order.put("orderId", outcomes.orderId(s));
        order.put("clOrdId", null);
        order.put("account", data.accounts().name(outcomes.account(s)));
        order.put("symbol", symbol >= 0 && symbol < data.symbols().size() ? data.symbols().get(symbol).name() : null);
        return order;
    }

    private static String money(long units, ReferenceData data) {
        return DecimalUnits.fromUnits(units, data.symbols().notionalUnit()).stripTrailingZeros().toPlainString();
    }

    private static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
