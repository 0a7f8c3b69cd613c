package io.ringbook.web;

import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.DecimalUnits;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.PerSymbolLimit;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's limits in the JSON shape of API.md ({@code GET/PUT
 * /admin/v1/accounts/{account}/limits}), as a map of decimal strings that any JSON
 * library writes, and back from the map a JSON library read. {@code null} is unlimited;
 * per-symbol limits are maps with {@code "*"} as the default and are counted in lots
 * (strings); order counts are numbers; notionals and the loss limit are quote amounts;
 * the concentration share is a percent with up to two decimals.
 * {@code concentrationMinGross} is this project's addition: the gross exposure (quote)
 * below which the concentration limit does not apply (optional, default 0, shown only
 * when set).
 */
public final class LimitsDocument {

    /** The fields of the contract, in its order; all required on PUT. */
    public static final List<String> FIELDS = List.of("maxOrderQty", "maxPosition", "maxOrderNotional", "maxGrossNotional",
            "maxConcentrationPct", "maxOpenOrders", "maxOpenOrdersPerSymbol", "maxOrdersPerSecond", "dailyLossLimit");
    private static final String MIN_GROSS = "concentrationMinGross";
    private static final BigDecimal BPS_PER_PERCENT = BigDecimal.valueOf(100);

    private LimitsDocument() {
    }

    public static Map<String, Object> toJson(String account, AccountLimits limits, SymbolTable symbols) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", account);
        json.put("maxOrderQty", perSymbol(limits.maxOrderQty(), symbols));
        json.put("maxPosition", perSymbol(limits.maxPosition(), symbols));
        json.put("maxOrderNotional", notional(limits.maxOrderNotional(), symbols));
        json.put("maxGrossNotional", notional(limits.maxGrossNotional(), symbols));
        json.put("maxConcentrationPct", limits.maxConcentrationBps() == AccountLimits.UNLIMITED ? null
                : BigDecimal.valueOf(limits.maxConcentrationBps()).divide(BPS_PER_PERCENT).stripTrailingZeros().toPlainString());
        if (limits.concentrationMinGross() != 0) {
            json.put(MIN_GROSS, notional(limits.concentrationMinGross(), symbols));
        }
        json.put("maxOpenOrders", number(limits.maxOpenOrders()));
        json.put("maxOpenOrdersPerSymbol", number(limits.maxOpenOrdersPerSymbol()));
        json.put("maxOrdersPerSecond", number(limits.maxOrdersPerSecond()));
        json.put("dailyLossLimit", notional(limits.dailyLossLimit(), symbols));
        return json;
    }

    /**
     * Reads a PUT body as a JSON library gave it (maps, strings, numbers, null).
     *
     * @throws InvalidLimitsException naming the field and what is wrong with it
     */
    public static AccountLimits fromJson(Map<String, ?> json, SymbolTable symbols) {
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field) && !field.equals(MIN_GROSS) && !field.equals("account")) {
                throw new InvalidLimitsException("UNKNOWN_FIELD", ClientText.quote(field), "is not a limit");
            }
        }
        for (String field : FIELDS) {
            if (!json.containsKey(field)) {
                throw new InvalidLimitsException("MISSING_FIELD", field, "is required (null for unlimited)");
            }
        }
        long minGross = json.get(MIN_GROSS) == null ? 0 : notional(json, MIN_GROSS, symbols);
        return new AccountLimits(perSymbol(json, "maxOrderQty", symbols), perSymbol(json, "maxPosition", symbols),
                notional(json, "maxOrderNotional", symbols), notional(json, "maxGrossNotional", symbols), concentration(json),
                minGross, count(json, "maxOpenOrders"), count(json, "maxOpenOrdersPerSymbol"), count(json, "maxOrdersPerSecond"),
                notional(json, "dailyLossLimit", symbols));
    }

    private static Map<String, Object> perSymbol(PerSymbolLimit limit, SymbolTable symbols) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("*", count(limit.fallback()));
        for (SymbolSpec symbol : symbols.all()) {
            long override = limit.override(symbol.id());
            if (override != PerSymbolLimit.INHERIT) {
                json.put(symbol.name(), count(override));
            }
        }
        return json;
    }

    /** Lots, as decimal strings like every quantity of the contract. */
    private static String count(long value) {
        return value == AccountLimits.UNLIMITED ? null : Long.toString(value);
    }

    /** Counts of orders, as JSON numbers (API.md's example). */
    private static Long number(long value) {
        return value == AccountLimits.UNLIMITED ? null : value;
    }

    private static String notional(long units, SymbolTable symbols) {
        return units == AccountLimits.UNLIMITED ? null
                : DecimalUnits.fromUnits(units, symbols.notionalUnit()).stripTrailingZeros().toPlainString();
    }

    private static PerSymbolLimit perSymbol(Map<String, ?> json, String field, SymbolTable symbols) {
        Object value = json.get(field);
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidLimitsException("INVALID_FIELD", field, "must be an object of symbol to lots, with \"*\" as the default");
        }
        if (!map.containsKey("*")) {
            throw new InvalidLimitsException("MISSING_FIELD", field + ".*", "is required (null for unlimited)");
        }
        long[] overrides = new long[symbols.size()];
        Arrays.fill(overrides, PerSymbolLimit.INHERIT);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.equals("*")) {
                continue;
            }
            SymbolSpec symbol = symbols.find(name)
                    .orElseThrow(() -> new InvalidLimitsException("INVALID_FIELD", field + "." + ClientText.quote(name), "is not a symbol"));
            overrides[symbol.id()] = whole(entry.getValue(), field + "." + name);
        }
        return new PerSymbolLimit(whole(map.get("*"), field + ".*"), overrides);
    }

    private static long count(Map<String, ?> json, String field) {
        return whole(json.get(field), field);
    }

    private static long concentration(Map<String, ?> json) {
        Object value = json.get("maxConcentrationPct");
        if (value == null) {
            return AccountLimits.UNLIMITED;
        }
        BigDecimal percent = decimal(value, "maxConcentrationPct");
        if (percent.compareTo(BPS_PER_PERCENT) > 0) {
            throw new InvalidLimitsException("INVALID_FIELD", "maxConcentrationPct", "must be between 0 and 100");
        }
        return units(percent, BigDecimal.valueOf(1, 2), "maxConcentrationPct");
    }

    private static long notional(Map<String, ?> json, String field, SymbolTable symbols) {
        Object value = json.get(field);
        return value == null ? AccountLimits.UNLIMITED : units(decimal(value, field), symbols.notionalUnit(), field);
    }

    /** A whole, non-negative number (lots, counts), or unlimited for null. */
    private static long whole(Object value, String field) {
        return value == null ? AccountLimits.UNLIMITED : units(decimal(value, field), BigDecimal.ONE, field);
    }

    private static long units(BigDecimal value, BigDecimal unit, String field) {
        try {
            long units = DecimalUnits.toUnits(value, unit);
            if (units == AccountLimits.UNLIMITED) {
                throw new ArithmeticException("too large");
            }
            return units;
        } catch (ArithmeticException e) {
            throw new InvalidLimitsException("INVALID_FIELD", field, "must be a multiple of " + unit.toPlainString()
                    + " below 2^63 units: " + ClientText.quote(value));
        }
    }

    private static BigDecimal decimal(Object value, String field) {
        BigDecimal decimal;
        try {
            decimal = value instanceof String text ? new BigDecimal(text)
                    : value instanceof BigDecimal exact ? exact
                    : value instanceof Long || value instanceof Integer ? BigDecimal.valueOf(((Number) value).longValue())
                    : null;
        } catch (NumberFormatException e) {
            decimal = null;
        }
        if (decimal == null || decimal.signum() < 0) {
            throw new InvalidLimitsException("INVALID_FIELD", field, "must be a non-negative decimal (string or number) or null");
        }
        return decimal;
    }
}
