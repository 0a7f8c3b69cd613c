package io.ringbook.app.backtest;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.TimeInForce;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An order file of API.md ("Order files"): UTF-8 CSV with a header row,
 * {@code time,action,account,clOrdId,origClOrdId,symbol,side,type,price,qty,timeInForce},
 * one NEW, CANCEL or AMEND per row in time order. Cancels and amends name their order
 * by origClOrdId, which the engine resolves. A bad row is reported with its line
 * number and why; by default it stops the run, with {@code skipBadRows} it is counted
 * and skipped. Backtests read it, and so does the load harness ({@code bench --orders}).
 */
public final class OrderFile {

    static final List<String> COLUMNS = List.of("time", "action", "account", "clOrdId", "origClOrdId", "symbol", "side", "type",
            "price", "qty", "timeInForce");

    /** A row that cannot become a command. */
    static final class BadRow extends IOException {
        BadRow(Path file, long line, String why) {
            super(file.getFileName() + " line " + line + ": " + why);
        }
    }

    private final ReferenceData data;
    private final boolean skipBadRows;
    private final List<String> skipped = new ArrayList<>();
    private final Map<String, SymbolSpec> symbolOfClOrdId = new HashMap<>();

    public OrderFile(ReferenceData data, boolean skipBadRows) {
        this.data = data;
        this.skipBadRows = skipBadRows;
    }

    /** Reads the file, handing each command (sequence and event time stamped) to {@code commands}; returns the count. */
    public long read(Path file, Consumer<Command> commands) throws IOException {
        skipped.clear();
        symbolOfClOrdId.clear();
        long count = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !List.of(header.replace("\uFEFF", "").trim().split(",", -1)).equals(COLUMNS)) {
                throw new BadRow(file, 1, "the header must be " + String.join(",", COLUMNS));
            }
            Command command = new Command();
            long line = 1;
            long lastTime = Long.MIN_VALUE;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                try {
                    parse(row.split(",", -1), command, file, line);
                    if (command.eventTimeNanos < lastTime) {
                        throw new BadRow(file, line, "time goes backwards");
                    }
                    lastTime = command.eventTimeNanos;
                    command.sequence = ++count;
                    commands.accept(command);
                } catch (BadRow bad) {
                    if (!skipBadRows) {
                        throw bad;
                    }
                    skipped.add(bad.getMessage());
                }
            }
        }
        return count;
    }

    List<String> skipped() {
        return skipped;
    }

    private void parse(String[] f, Command c, Path file, long line) throws BadRow {
        if (f.length != COLUMNS.size()) {
            throw new BadRow(file, line, f.length + " columns, expected " + COLUMNS.size());
        }
        long time;
        try {
            time = EventTime.parse(f[0]);
        } catch (RuntimeException e) {
            throw new BadRow(file, line, "time " + f[0] + " is neither ISO-8601 UTC nor epoch nanoseconds");
        }
        int account = data.accounts().find(f[2].trim()).orElseThrow(() -> new BadRow(file, line, "no account " + f[2]));
        String action = f[1].trim().toUpperCase(Locale.ROOT);
        switch (action) {
            case "NEW" -> {
                SymbolSpec symbol = data.symbols().find(f[5].trim()).orElseThrow(() -> new BadRow(file, line, "no symbol " + f[5]));
                Side side = parseEnum(Side.class, f[6], file, line, "side");
                OrderType type = parseEnum(OrderType.class, f[7], file, line, "type");
                TimeInForce tif = f[10].isBlank() ? (type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC)
                        : parseEnum(TimeInForce.class, f[10], file, line, "timeInForce");
                long price = type == OrderType.LIMIT ? units(f[8], symbol, true, file, line) : 0;
                c.newOrder(account, symbol.id(), side, type, tif, price, units(f[9], symbol, false, file, line));
                clOrdId(c, f[3], file, line);
                symbolOfClOrdId.put(account + ":" + f[3].trim(), symbol);
            }
            case "CANCEL", "AMEND" -> {
                SymbolSpec symbol = symbolOfClOrdId.get(account + ":" + f[4].trim());
                if (symbol == null) {
                    throw new BadRow(file, line, "origClOrdId " + f[4] + " names no earlier order of " + f[2]);
                }
                if (action.equals("CANCEL")) {
                    c.cancel(account, 0);
                } else {
                    c.amend(account, 0, f[8].isBlank() ? 0 : units(f[8], symbol, true, file, line),
                            f[9].isBlank() ? 0 : units(f[9], symbol, false, file, line));
                    symbolOfClOrdId.put(account + ":" + f[3].trim(), symbol);
                }
                clOrdId(c, f[3], file, line);
                if (!c.origClOrdId.set(f[4].trim())) {
                    throw new BadRow(file, line, "origClOrdId must be 1-36 printable ASCII characters");
                }
            }
            default -> throw new BadRow(file, line, "action " + f[1] + " is not NEW, CANCEL or AMEND");
        }
        c.eventTimeNanos = time;
    }

    private static void clOrdId(Command c, String text, Path file, long line) throws BadRow {
        if (!c.clOrdId.set(text.trim())) {
            throw new BadRow(file, line, "clOrdId must be 1-36 printable ASCII characters");
        }
    }

    private static long units(String text, SymbolSpec symbol, boolean price, Path file, long line) throws BadRow {
        try {
            long units = price ? symbol.ticks(new BigDecimal(text.trim())) : symbol.lots(new BigDecimal(text.trim()));
            if (units <= 0) {
                throw new ArithmeticException("not positive");
            }
            return units;
        } catch (RuntimeException e) {
            throw new BadRow(file, line, (price ? "price " : "qty ") + ClientText.quote(text) + " is not a positive multiple of "
                    + (price ? symbol.tickSize() : symbol.lotSize()));
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, Path file, long line, String column) throws BadRow {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRow(file, line, column + " " + ClientText.quote(text) + " is not one of " + List.of(type.getEnumConstants()));
        }
    }
}
