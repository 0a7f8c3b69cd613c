package io.ringbook.app.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ringbook.engine.domain.DecimalUnits;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;

import java.io.IOException;
import java.math.BigDecimal;
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
 * order and fill figures, round-trip statistics, drawdown, a Sharpe-like ratio of daily
 * PnL and rejects by reason; breaker trips and halts; and, for a recorded run, what the
 * new settings changed: orders now rejected or no longer rejected, and the PnL difference.
 * Amounts are quote decimals.
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
        if (outcome.recorded() != null) {
            report.put("comparison", comparison(outcome, data));
        }
        return report;
    }

    static void write(Map<String, Object> report, Path file) throws IOException {
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            Files.writeString(file, html(report));
        } else {
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        }
    }

    private static Map<String, Object> account(Analytics.Account a, ReferenceData data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pnl", money(a.equity, data));
        json.put("orders", a.orders);
        json.put("fills", a.fills);
        json.put("fillRatio", round(a.fillRatio()));
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
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("sequence", s);
            change.put("account", data.accounts().name(outcome.now().account(s)));
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

    private static String money(long units, ReferenceData data) {
        return DecimalUnits.fromUnits(units, data.symbols().notionalUnit()).stripTrailingZeros().toPlainString();
    }

    private static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 10_000) / 10_000.0;
    }

    @SuppressWarnings("unchecked")
    private static String html(Map<String, Object> report) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Ringbook backtest</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#1d2330}table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .append("th,td{padding:.25em .7em;border-bottom:1px solid #e3e5ea;text-align:right}th:first-child,td:first-child{text-align:left}")
                .append("svg{background:#fafbfc;border:1px solid #e3e5ea}h2{margin-top:1.5em}.note{color:#555}</style></head><body>")
                .append("<h1>Backtest</h1><p class=\"note\">").append(escape(report.get("source"))).append(" &middot; settings ")
                .append(escape(report.get("settings"))).append(" &middot; ").append(report.get("commands")).append(" commands, ")
                .append(report.get("events")).append(" events, ").append(report.get("commandsPerSecond")).append(" commands/s</p>");
        Map<String, Object> accounts = (Map<String, Object>) report.get("accounts");
        page.append("<h2>Accounts</h2><table><tr><th>account</th><th>PnL</th><th>orders</th><th>fills</th><th>fill ratio</th>")
                .append("<th>win rate</th><th>profit factor</th><th>avg win</th><th>avg loss</th><th>max drawdown</th><th>Sharpe (daily)</th></tr>");
        Map<String, Object> rows = new LinkedHashMap<>(accounts);
        rows.put("overall", report.get("overall"));
        for (Map.Entry<String, Object> row : rows.entrySet()) {
            Map<String, Object> a = (Map<String, Object>) row.getValue();
            page.append("<tr><td>").append(escape(row.getKey())).append("</td>");
            for (String key : new String[]{"pnl", "orders", "fills", "fillRatio", "winRate", "profitFactor", "averageWin", "averageLoss",
                    "maxDrawdown", "sharpeDaily"}) {
                page.append("<td>").append(a.get(key) == null ? "&ndash;" : escape(a.get(key))).append("</td>");
            }
            page.append("</tr>");
        }
        page.append("</table><h2>PnL over time</h2>").append(chart(accounts));
        page.append("<h2>Rejects by reason</h2><table><tr><th>account</th><th>rejects</th></tr>");
        for (Map.Entry<String, Object> row : rows.entrySet()) {
            page.append("<tr><td>").append(escape(row.getKey())).append("</td><td>")
                    .append(escape(((Map<String, Object>) row.getValue()).get("rejects"))).append("</td></tr>");
        }
        page.append("</table><p>Breaker trips: ").append(escape(report.get("breakerTrips"))).append(" &middot; halts: ")
                .append(report.get("halts")).append("</p>");
        Map<String, Object> comparison = (Map<String, Object>) report.get("comparison");
        if (comparison != null) {
            page.append("<h2>Against the recorded run</h2><p>").append(comparison.get("nowRejected"))
                    .append(" orders would now be rejected, ").append(comparison.get("noLongerRejected"))
                    .append(" would no longer be.</p><table><tr><th>account</th><th>recorded PnL</th><th>now</th><th>difference</th></tr>");
            for (Map.Entry<String, Object> row : ((Map<String, Object>) comparison.get("pnl")).entrySet()) {
                Map<String, Object> p = (Map<String, Object>) row.getValue();
                page.append("<tr><td>").append(escape(row.getKey())).append("</td><td>").append(escape(p.get("recorded")))
                        .append("</td><td>").append(escape(p.get("now"))).append("</td><td>").append(escape(p.get("difference")))
                        .append("</td></tr>");
            }
            page.append("</table>");
        }
        return page.append("</body></html>\n").toString();
    }

    @SuppressWarnings("unchecked")
    private static String chart(Map<String, Object> accounts) {
        String[] colors = {"#2a7ab0", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#555"};
        double min = 0;
        double max = 0;
        for (Object a : accounts.values()) {
            for (Map<String, Object> point : (List<Map<String, Object>>) ((Map<String, Object>) a).get("pnlOverTime")) {
                double v = new BigDecimal(point.get("pnl").toString()).doubleValue();
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double span = Math.max(1e-9, max - min);
        StringBuilder svg = new StringBuilder("<svg width=\"720\" height=\"260\" viewBox=\"0 0 720 260\" role=\"img\" aria-label=\"PnL per account\">");
        double zero = 240 - (0 - min) / span * 220;
        svg.append(String.format(Locale.ROOT, "<line x1=\"40\" x2=\"700\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\"/>", zero, zero));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"18\" font-size=\"11\">%.2f</text><text x=\"2\" y=\"244\" font-size=\"11\">%.2f</text>", max, min));
        int i = 0;
        for (Map.Entry<String, Object> account : accounts.entrySet()) {
            List<Map<String, Object>> points = (List<Map<String, Object>>) ((Map<String, Object>) account.getValue()).get("pnlOverTime");
            String color = colors[i % colors.length];
            StringBuilder line = new StringBuilder();
            for (int p = 0; p < points.size(); p++) {
                double x = 40 + (points.size() == 1 ? 0 : 660.0 * p / (points.size() - 1));
                double y = 240 - (new BigDecimal(points.get(p).get("pnl").toString()).doubleValue() - min) / span * 220;
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(color).append("\" points=\"").append(line).append("\"/>");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"256\" font-size=\"12\" fill=\"%s\">%s</text>", 60 + i * 70, color,
                    escape(account.getKey())));
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(Object value) {
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
