package io.ringbook.gateway.rest;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.DecimalUnits;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.web.ApiException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.ringbook.gateway.rest.DecimalUnit.UNDECIDED;

/**
 * Decodes and validates a new-order body (API.md, "New order body") at the edge, strictly:
 * unknown fields, wrong types, off-tick prices, off-lot quantities, bad clOrdIds and
 * impossible combinations are refused with the contract's 400 codes before anything is
 * published. Decimals are read exactly (JSON numbers as BigDecimal, never double), by
 * Jackson's streaming parser ({@link FlatJson}): no tree per request.
 */
final class OrderRequests {

    private static final FlatJson NEW_ORDER = new FlatJson("clOrdId", "symbol", "side", "type", "price", "qty", "timeInForce",
            "postOnly", "stpMode", "expireTime");
    private static final int CLORDID = 0;
    private static final int SYMBOL = 1;
    private static final int SIDE = 2;
    private static final int TYPE = 3;
    private static final int PRICE = 4;
    private static final int QTY = 5;
    private static final int TIME_IN_FORCE = 6;
    private static final int POST_ONLY = 7;
    private static final int STP_MODE = 8;
    private static final int EXPIRE_TIME = 9;
    private static final FlatJson AMEND = new FlatJson("qty", "price");
    private static final FlatJson CANCEL_ALL_AFTER = new FlatJson("timeoutMs");
    /** One day: a dead-man's switch longer than a trading day protects nothing. */
    private static final long MAX_CANCEL_ALL_AFTER_MILLIS = 86_400_000L;

    /** Bounds of a value for a symbol the engine does not know: what a long of the finest units could hold. */
    private static final int MAX_SCALE = 18;
    private static final int MAX_INTEGER_DIGITS = 19;

    private final SymbolTable symbols;
    private final SymbolUnits units;

    OrderRequests(SymbolTable symbols) {
        this.symbols = symbols;
        this.units = new SymbolUnits(symbols);
    }

    /** A validated new order; {@code symbol} is empty for a symbol the engine does not know (it rejects it, 422). */
    record NewOrder(String clOrdId, String symbolName, Optional<SymbolSpec> symbol, Side side, OrderType type,
                    TimeInForce timeInForce, long priceTicks, long qtyLots, boolean postOnly, StpMode stpMode,
                    long expireTimeNanos, String priceText, String qtyText) {

        /** Whether this request asks for what {@code original} was (a resend, not a new order under an old clOrdId). */
        boolean sameAs(EngineEvent original) {
            return symbol.isPresent() && symbol.get().id() == original.symbolId && side == original.side
                    && type == original.orderType && timeInForce == original.timeInForce && priceTicks == original.price
                    && qtyLots == original.qty && postOnly == original.postOnly && stpMode == original.stpMode
                    && (timeInForce != TimeInForce.GTD || expireTimeNanos == original.expireTimeNanos);
        }

        /** Whether this asks for what {@code first} asked for, as the client sent it (symbol name, prices compared numerically). */
        boolean sameAs(NewOrder first) {
            return symbolName.equals(first.symbolName) && side == first.side && type == first.type
                    && timeInForce == first.timeInForce && sameNumber(priceText, first.priceText)
                    && sameNumber(qtyText, first.qtyText) && postOnly == first.postOnly && stpMode == first.stpMode
                    && expireTimeNanos == first.expireTimeNanos;
        }

        private static boolean sameNumber(String a, String b) {
            return a == null ? b == null : b != null && new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        }

        void writeTo(Command slot, int accountId) {
            slot.newOrder(accountId, symbol.map(SymbolSpec::id).orElse(-1), side, type, timeInForce, priceTicks, qtyLots);
            slot.postOnly = postOnly;
            slot.stpMode = stpMode;
            slot.expireTimeNanos = expireTimeNanos;
            slot.clOrdId.set(clOrdId);
        }
    }

    /** An amend: new price in ticks and new total qty in lots, 0 for "unchanged". */
    record Amend(long priceTicks, long qtyLots) {
    }

    /** Decodes {@code {"qty":..,"price":..}} (either or both) for an order of {@code symbol}. */
    Amend parseAmend(String body, SymbolSpec symbol) {
        FlatJson.Value[] root = AMEND.read(body);
        BigDecimal qty = decimal(root[0], "qty", false, "INVALID_QTY");
        BigDecimal price = decimal(root[1], "price", false, "INVALID_PRICE");
        if (qty == null && price == null) {
            throw ApiException.badRequest("MISSING_FIELD", "an amend needs qty, price or both");
        }
        return new Amend(price == null ? 0 : units(price, Optional.of(symbol.tickSize()), "INVALID_PRICE", "price"),
                qty == null ? 0 : units(qty, Optional.of(symbol.lotSize()), "INVALID_QTY", "qty"));
    }

    /** Decodes {@code {"timeoutMs":N}} (0 disarms); returns the timeout in nanoseconds. */
    long parseCancelAllAfter(String body) {
        FlatJson.Value timeout = CANCEL_ALL_AFTER.read(body)[0];
        if (timeout == null) {
            throw ApiException.badRequest("MISSING_FIELD", "'timeoutMs' is required");
        }
        if (timeout.kind() != FlatJson.Kind.INTEGER || timeout.number().signum() < 0
                || timeout.number().compareTo(BigDecimal.valueOf(MAX_CANCEL_ALL_AFTER_MILLIS)) > 0) {
            throw ApiException.badRequest("INVALID_FIELD", "'timeoutMs' must be a whole number from 0 to " + MAX_CANCEL_ALL_AFTER_MILLIS);
        }
        return timeout.number().longValueExact() * 1_000_000L;
    }

    NewOrder parse(String body) {
        FlatJson.Value[] root = NEW_ORDER.read(body);
        String clOrdId = text(root[CLORDID], "clOrdId", true);
        if (!new ClOrdId().set(clOrdId)) {
            throw ApiException.badRequest("INVALID_CLORDID", "clOrdId must be 1-36 printable ASCII characters");
        }
        String symbolName = text(root[SYMBOL], "symbol", true);
        Optional<SymbolSpec> symbol = symbols.find(symbolName);
        Side side = choice(root[SIDE], "side", Side.class, null);
        OrderType type = choice(root[TYPE], "type", OrderType.class, null);
        TimeInForce tif = choice(root[TIME_IN_FORCE], "timeInForce", TimeInForce.class,
                type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC);
        StpMode stp = choice(root[STP_MODE], "stpMode", StpMode.class, StpMode.CANCEL_RESTING);
        boolean postOnly = flag(root[POST_ONLY], "postOnly");
        String qtyPlain = plain(root[QTY]);
        BigDecimal qty = qtyPlain != null ? null : decimal(root[QTY], "qty", true, "INVALID_QTY");
        String pricePlain = plain(root[PRICE]);
        BigDecimal price = pricePlain != null ? null : decimal(root[PRICE], "price", false, "INVALID_PRICE");
        boolean priced = pricePlain != null || price != null;
        String expireText = text(root[EXPIRE_TIME], "expireTime", false);

        if (type == OrderType.MARKET && priced) {
            throw ApiException.badRequest("INVALID_ORDER", "a MARKET order takes no price");
        }
        if (type == OrderType.LIMIT && !priced) {
            throw ApiException.badRequest("MISSING_FIELD", "a LIMIT order needs a price");
        }
        if (type == OrderType.MARKET && tif != TimeInForce.IOC && tif != TimeInForce.FOK) {
            throw ApiException.badRequest("INVALID_ORDER", "a MARKET order is IOC or FOK");
        }
        if (postOnly && (type == OrderType.MARKET || !tif.mayRest())) {
            throw ApiException.badRequest("INVALID_ORDER", "postOnly needs a LIMIT order that may rest (GTC, DAY or GTD)");
        }
        if (tif == TimeInForce.GTD && expireText == null) {
            throw ApiException.badRequest("INVALID_ORDER", "a GTD order needs an expireTime (ISO-8601 UTC, e.g. 2026-12-01T00:00:00Z)");
        }
        if (tif != TimeInForce.GTD && expireText != null) {
            throw ApiException.badRequest("INVALID_ORDER", "expireTime is for GTD orders only; this one is " + tif);
        }
        long expire = expireText == null ? 0 : parseTime(expireText);
        long priceTicks = !priced ? 0 : symbol.isPresent() && pricePlain != null ? units.tick(symbol.get()).unitsOf(pricePlain) : UNDECIDED;
        if (priceTicks == UNDECIDED) {
            price = price != null ? price : new BigDecimal(pricePlain);
            priceTicks = units(price, symbol.map(SymbolSpec::tickSize), "INVALID_PRICE", "price");
        }
        long qtyLots = symbol.isPresent() && qtyPlain != null ? units.lot(symbol.get()).unitsOf(qtyPlain) : UNDECIDED;
        if (qtyLots == UNDECIDED) {
            qty = qty != null ? qty : new BigDecimal(qtyPlain);
            qtyLots = units(qty, symbol.map(SymbolSpec::lotSize), "INVALID_QTY", "qty");
        }
        if (qtyLots > 0 && priceTicks > Long.MAX_VALUE / qtyLots) {
            throw ApiException.badRequest("INVALID_ORDER", "price x qty is too large to count");
        }
        return new NewOrder(clOrdId, symbolName, symbol, side, type, tif, priceTicks, qtyLots, postOnly, stp, expire,
                plainText(pricePlain, price), plainText(qtyPlain, qty));
    }

    /**
     * The text of a decimal sent as a JSON string in plain form ({@code "100.25"}), trimmed as
     * {@link #decimal} trims it; null for any other value, which takes the {@code BigDecimal} route.
     */
    private static String plain(FlatJson.Value node) {
        if (node == null || node.kind() != FlatJson.Kind.STRING) {
            return null;
        }
        String text = node.text().trim();
        return DecimalUnit.isPlain(text) ? text : null;
    }

    /** A decimal's text as {@code BigDecimal.toPlainString()} shows it, from its plain text where the order had one. */
    private static String plainText(String plain, BigDecimal value) {
        return plain != null ? DecimalUnit.plainText(plain) : value == null ? null : value.toPlainString();
    }

    /**
     * Whole units of {@code unit}. With no known symbol, any positive value that some
     * symbol could take passes (the engine rejects the symbol, and the 422 shows the value
     * in plain digits, so it must be short: {@code 1e-99999999} would be 100 MB of them).
     */
    private static long units(BigDecimal value, Optional<BigDecimal> unit, String code, String field) {
        if (value.signum() <= 0) {
            throw ApiException.badRequest(code, field + " must be positive");
        }
        if (unit.isEmpty()) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > MAX_SCALE || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
                throw ApiException.badRequest(code, field + " " + ClientText.quote(value) + " has more digits than any symbol takes");
            }
            return 1;
        }
        try {
            return DecimalUnits.toUnits(value, unit.get());
        } catch (ArithmeticException offScale) {
            throw ApiException.badRequest(code, field + " " + ClientText.quote(value) + " is not a multiple of "
                    + unit.get().toPlainString() + " or is too large");
        }
    }

    private static String text(FlatJson.Value node, String field, boolean required) {
        if (node == null) {
            if (required) {
                throw ApiException.badRequest("MISSING_FIELD", "'" + field + "' is required");
            }
            return null;
        }
        if (node.kind() != FlatJson.Kind.STRING) {
            throw ApiException.badRequest("INVALID_FIELD", "'" + field + "' must be a string");
        }
        return node.text();
    }

    private static <E extends Enum<E>> E choice(FlatJson.Value node, String field, Class<E> type, E defaultValue) {
        String value = text(node, field, defaultValue == null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FIELD", "'" + field + "' cannot be '" + ClientText.quote(value) + "'; it is one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static boolean flag(FlatJson.Value node, String field) {
        if (node == null) {
            return false;
        }
        if (node.kind() != FlatJson.Kind.BOOLEAN) {
            throw ApiException.badRequest("INVALID_FIELD", "'" + field + "' must be true or false");
        }
        return node.flag();
    }

    private static BigDecimal decimal(FlatJson.Value node, String field, boolean required, String code) {
        if (node == null) {
            if (required) {
                throw ApiException.badRequest("MISSING_FIELD", "'" + field + "' is required");
            }
            return null;
        }
        if (node.kind() == FlatJson.Kind.INTEGER || node.kind() == FlatJson.Kind.DECIMAL) {
            return node.number();
        }
        if (node.kind() == FlatJson.Kind.STRING) {
            try {
                return new BigDecimal(node.text().trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(code, "'" + field + "' is not a decimal: " + ClientText.quote(node.text()));
            }
        }
        throw ApiException.badRequest(code, "'" + field + "' must be a decimal string or number");
    }

    private static long parseTime(String text) {
        try {
            return EventTime.parse(text);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("INVALID_FIELD", "expireTime must be ISO-8601 UTC, e.g. 2026-12-01T00:00:00Z");
        }
    }
}
