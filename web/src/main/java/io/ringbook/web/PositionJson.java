package io.ringbook.web;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Positions as both APIs show them: one row per symbol an account has traded, decimals at the contract's scales. */
public final class PositionJson {

    private PositionJson() {
    }

    /** Where positions are read from (the views module's {@code PositionsView}): {qty, costBasis, realizedPnl, unrealizedPnl, fees, markPrice}. */
    @FunctionalInterface
    public interface Positions {
        long[] position(int account, int symbol);
    }

    /** The account's rows: {@code {symbol,qty,avgPrice,realizedPnl,unrealizedPnl,markPrice,fees}}. */
    public static List<Map<String, Object>> rows(Positions positions, ReferenceData data, int account) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SymbolSpec symbol : data.symbols().all()) {
            long[] p = positions.position(account, symbol.id());
            long qty = p[0];
            if (qty == 0 && p[2] == 0 && p[4] == 0) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", symbol.name());
            row.put("qty", symbol.qty(qty).toPlainString());
            row.put("avgPrice", qty == 0 ? null : symbol.averagePrice(p[1], qty).toPlainString());
            row.put("realizedPnl", symbol.notional(p[2]).toPlainString());
            row.put("unrealizedPnl", symbol.notional(p[3]).toPlainString());
            row.put("markPrice", p[5] == 0 ? null : symbol.price(p[5]).toPlainString());
            row.put("fees", symbol.notional(p[4]).toPlainString());
            rows.add(row);
        }
        return rows;
    }
}
