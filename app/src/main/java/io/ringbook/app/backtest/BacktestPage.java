package io.ringbook.app.backtest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The backtest report as one self-contained HTML page (inline SVG, no scripts, no
 * network), rendered from the same map as the JSON report so that both say the same:
 * tables of per-account figures, the PnL curve, rejects and breaker trips in words
 * ({@code BREAKER_OPEN 1}), and the rejected and changed orders by orderId and clOrdId.
 */
final class BacktestPage {

    private static final String[] ORDER_COLUMNS = {"sequence", "orderId", "clOrdId", "account", "symbol"};

    private BacktestPage() {
    }

    @SuppressWarnings("unchecked")
    static String html(Map<String, Object> report) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Ringbook backtest</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#1d2330}table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .append("th,td{padding:.25em .7em;border-bottom:1px solid #e3e5ea;text-align:right}th:first-child,td:first-child{text-align:left}")
                .append("td.text,th.text{text-align:left}")
                .append("svg{background:#fafbfc;border:1px solid #e3e5ea}h2{margin-top:1.5em}.note{color:#555}</style></head><body>")
                .append("<h1>Backtest</h1><p class=\"note\">").append(escape(report.get("source"))).append(" &middot; settings ")
                .append(escape(report.get("settings"))).append(" &middot; ").append(report.get("commands")).append(" commands, ")
                .append(report.get("events")).append(" events, ").append(report.get("commandsPerSecond")).append(" commands/s</p>");
        Map<String, Object> accounts = (Map<String, Object>) report.get("accounts");
        page.append("<h2>Accounts</h2><table><tr><th>account</th><th>PnL</th><th>orders</th><th>fills</th><th>fill ratio by symbol</th>")
                .append("<th>win rate</th><th>profit factor</th><th>avg win</th><th>avg loss</th><th>max drawdown</th><th>Sharpe (daily)</th></tr>");
        Map<String, Object> rows = new LinkedHashMap<>(accounts);
        rows.put("overall", report.get("overall"));
        for (Map.Entry<String, Object> row : rows.entrySet()) {
            Map<String, Object> a = (Map<String, Object>) row.getValue();
            page.append("<tr><td>").append(escape(row.getKey())).append("</td>");
            for (String key : new String[]{"pnl", "orders", "fills", "fillRatio", "winRate", "profitFactor", "averageWin", "averageLoss",
                    "maxDrawdown", "sharpeDaily"}) {
                page.append("<td>").append(a.get(key) == null ? "&ndash;" : escape(words(a.get(key)))).append("</td>");
            }
            page.append("</tr>");
        }
        page.append("</table><h2>PnL over time</h2>").append(chart(accounts));
        page.append("<h2>Rejects by reason</h2><table><tr><th>account</th><th class=\"text\">rejects</th></tr>");
        for (Map.Entry<String, Object> row : rows.entrySet()) {
            page.append("<tr><td>").append(escape(row.getKey())).append("</td><td class=\"text\">")
                    .append(escape(words(((Map<String, Object>) row.getValue()).get("rejects")))).append("</td></tr>");
        }
        page.append("</table><p>Breaker trips: ").append(escape(words(report.get("breakerTrips")))).append(" &middot; halts: ")
                .append(report.get("halts")).append("</p>");
        page.append("<h2>Rejected orders</h2>").append(orders((List<Map<String, Object>>) report.get("rejectedOrders"), "reason"));
        Map<String, Object> comparison = (Map<String, Object>) report.get("comparison");
        if (comparison != null) {
            page.append("<h2>Against the recorded run</h2><p>").append(comparison.get("nowRejected"))
                    .append(" orders would now be rejected, ").append(comparison.get("noLongerRejected"))
                    .append(" would no longer be (orderIds as recorded).</p><table><tr><th>account</th><th>recorded PnL</th><th>now</th>")
                    .append("<th>difference</th></tr>");
            for (Map.Entry<String, Object> row : ((Map<String, Object>) comparison.get("pnl")).entrySet()) {
                Map<String, Object> p = (Map<String, Object>) row.getValue();
                page.append("<tr><td>").append(escape(row.getKey())).append("</td><td>").append(escape(p.get("recorded")))
                        .append("</td><td>").append(escape(p.get("now"))).append("</td><td>").append(escape(p.get("difference")))
                        .append("</td></tr>");
            }
            page.append("</table><h3>Now rejected</h3>")
                    .append(orders((List<Map<String, Object>>) comparison.get("nowRejectedOrders"), "recorded", "now"))
                    .append("<h3>No longer rejected</h3>")
                    .append(orders((List<Map<String, Object>>) comparison.get("noLongerRejectedOrders"), "recorded", "now"));
        }
        return page.append("</body></html>\n").toString();
    }

    /** A table of orders: who, which, and the given outcome columns; "none" for an empty list. */
    private static String orders(List<Map<String, Object>> orders, String... outcomes) {
        if (orders.isEmpty()) {
            return "<p>none</p>";
        }
        StringBuilder table = new StringBuilder("<table><tr>");
        for (String column : ORDER_COLUMNS) {
            table.append("<th>").append(column).append("</th>");
        }
        for (String column : outcomes) {
            table.append("<th>").append(column).append("</th>");
        }
        table.append("</tr>");
        for (Map<String, Object> order : orders) {
            table.append("<tr>");
            for (String column : ORDER_COLUMNS) {
                table.append("<td class=\"text\">").append(order.get(column) == null ? "&ndash;" : escape(order.get(column))).append("</td>");
            }
            for (String column : outcomes) {
                table.append("<td class=\"text\">").append(escape(order.get(column))).append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</table>").toString();
    }

    /** A map as words ({@code BREAKER_OPEN 1, MAX_ORDER_QTY 2}), "none" if empty; anything else as it is. */
    private static Object words(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "none" : map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
        return value;
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
