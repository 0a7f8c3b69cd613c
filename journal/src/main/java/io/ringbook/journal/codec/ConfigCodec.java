package io.ringbook.journal.codec;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TradingHours;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The run's reference data as a {@link RecordType#CONFIG} record: the header, then UTF-8
 * lines, readable in a hex dump and by auditors (unlimited is 9223372036854775807):
 * <pre>
 *   symbol BTC-USD 0.01 0.0001 0 0      name, tick, lot, maker and taker fee in ppm; in id order
 *   hours BTC-USD 24/7                  trading hours
 *   band BTC-USD B R M W C P            band bps, reference ticks, volatility move bps, window ns,
 *                                       breaker cool-down ns, probe orders
 *   account T1                          in id order
 *   limits T1 Q q,q,q P p,p,p N G C F O S R L   max order qty (default, per symbol; -1 = default),
 *                                       max position (the same), order notional, gross notional,
 *                                       concentration bps, its floor, open orders, per symbol,
 *                                       orders/s, daily loss
 *   rejectstorm N W C P                 rejects, window ns, cool-down ns, probe orders
 *   venue O                             the venue-wide cap on open orders
 * </pre>
 * Written once per run, at start-up, off the hot path; allocation is fine here. Version 3
 * added the {@code venue} line; a version 2 record, without it, is read with no cap (its
 * runs had none).
 */
public final class ConfigCodec {

    public static final int SCHEMA_VERSION = 3;

    private ConfigCodec() {
    }

    public static int encode(ReferenceData data, long sequence, long eventTimeNanos, MutableDirectBuffer buffer, int offset) {
        StringBuilder text = new StringBuilder();
        RiskSettings risk = data.risk();
        for (SymbolSpec s : data.symbols().all()) {
            SymbolRisk r = risk.symbols().get(s.id());
            text.append("symbol ").append(s.name()).append(' ').append(s.tickSize().toPlainString()).append(' ')
                    .append(s.lotSize().toPlainString()).append(' ').append(s.makerFeePpm()).append(' ')
                    .append(s.takerFeePpm()).append('\n');
            text.append("hours ").append(s.name()).append(' ').append(s.tradingHours()).append('\n');
            text.append("band ").append(s.name()).append(' ').append(r.priceBandBps()).append(' ').append(r.referencePrice())
                    .append(' ').append(r.volatilityMoveBps()).append(' ').append(r.volatilityWindowNanos()).append(' ')
                    .append(r.breaker().cooldownNanos()).append(' ').append(r.breaker().probeOrders()).append('\n');
        }
        for (int a = 0; a < data.accounts().size(); a++) {
            AccountLimits l = risk.accounts().get(a);
            text.append("account ").append(data.accounts().name(a)).append('\n');
            text.append("limits ").append(data.accounts().name(a)).append(' ').append(perSymbol(l.maxOrderQty())).append(' ')
                    .append(perSymbol(l.maxPosition()));
            for (long value : new long[]{l.maxOrderNotional(), l.maxGrossNotional(), l.maxConcentrationBps(),
                    l.concentrationMinGross(), l.maxOpenOrders(), l.maxOpenOrdersPerSymbol(), l.maxOrdersPerSecond(),
                    l.dailyLossLimit()}) {
                text.append(' ').append(value);
            }
            text.append('\n');
        }
        RejectStorm storm = risk.rejectStorm();
        text.append("rejectstorm ").append(storm.rejects()).append(' ').append(storm.windowNanos()).append(' ')
                .append(storm.breaker().cooldownNanos()).append(' ').append(storm.breaker().probeOrders()).append('\n');
        text.append("venue ").append(risk.maxOpenOrders()).append('\n');
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int length = RecordHeader.LENGTH + bytes.length;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("configuration too large for one record: " + length + " bytes");
        }
        buffer.putBytes(offset + RecordHeader.LENGTH, bytes);
        RecordHeader.write(buffer, offset, length, RecordType.CONFIG, SCHEMA_VERSION, sequence, eventTimeNanos);
        return length;
    }

    public static ReferenceData decode(DirectBuffer buffer, int offset) {
        RecordType type = RecordHeader.check(buffer, offset, SCHEMA_VERSION);
        if (type != RecordType.CONFIG) {
            throw new JournalFormatException("expected a CONFIG record, found " + type);
        }
        int length = RecordHeader.length(buffer, offset) - RecordHeader.LENGTH;
        String text = buffer.getStringWithoutLengthUtf8(offset + RecordHeader.LENGTH, length);
        List<String[]> symbolLines = new ArrayList<>();
        List<TradingHours> hours = new ArrayList<>();
        List<SymbolRisk> bands = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<String[]> limitLines = new ArrayList<>();
        RejectStorm storm = RejectStorm.NONE;
        long venueMaxOpenOrders = AccountLimits.UNLIMITED;
        try {
            for (String line : text.split("\n")) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "symbol" -> symbolLines.add(expect(f, 6, line));
                    case "hours" -> hours.add(TradingHours.parse(line.substring(line.indexOf(' ', 6) + 1)));
                    case "band" -> bands.add(new SymbolRisk(num(expect(f, 8, line)[2]), num(f[3]), num(f[4]), num(f[5]),
                            new BreakerSettings(num(f[6]), (int) num(f[7]))));
                    case "account" -> accounts.add(expect(f, 2, line)[1]);
                    case "limits" -> limitLines.add(expect(f, 14, line));
                    case "rejectstorm" -> storm = new RejectStorm((int) num(expect(f, 5, line)[1]), num(f[2]),
                            new BreakerSettings(num(f[3]), (int) num(f[4])));
                    case "venue" -> venueMaxOpenOrders = num(expect(f, 2, line)[1]);
                    default -> throw new JournalFormatException("unreadable configuration line: " + line);
                }
            }
            List<SymbolSpec> symbols = new ArrayList<>();
            for (String[] f : symbolLines) {
                int id = symbols.size();
                symbols.add(new SymbolSpec(id, f[1], new BigDecimal(f[2]), new BigDecimal(f[3]), num(f[4]), num(f[5]),
                        id < hours.size() ? hours.get(id) : TradingHours.ALWAYS));
            }
            List<AccountLimits> limits = new ArrayList<>();
            for (String[] f : limitLines) {
                limits.add(new AccountLimits(perSymbol(f[2], f[3]), perSymbol(f[4], f[5]), num(f[6]), num(f[7]), num(f[8]),
                        num(f[9]), num(f[10]), num(f[11]), num(f[12]), num(f[13])));
            }
            return new ReferenceData(new SymbolTable(symbols), new AccountTable(accounts), new RiskSettings(bands, limits, storm, venueMaxOpenOrders));
        } catch (IllegalArgumentException e) {
            throw new JournalFormatException("unreadable configuration: " + e.getMessage());
        }
    }

    private static String perSymbol(PerSymbolLimit limit) {
        StringBuilder text = new StringBuilder().append(limit.fallback()).append(' ');
        for (int symbol = 0; symbol < limit.symbols(); symbol++) {
            text.append(symbol == 0 ? "" : ",").append(limit.override(symbol));
        }
        return text.toString();
    }

    private static PerSymbolLimit perSymbol(String fallback, String overrides) {
        long[] values = overrides.isEmpty() ? new long[0] : Arrays.stream(overrides.split(",")).mapToLong(Long::parseLong).toArray();
        return new PerSymbolLimit(num(fallback), values);
    }

    private static String[] expect(String[] fields, int count, String line) {
        if (fields.length != count) {
            throw new JournalFormatException("unreadable configuration line: " + line);
        }
        return fields;
    }

    private static long num(String text) {
        return Long.parseLong(text);
    }
}
