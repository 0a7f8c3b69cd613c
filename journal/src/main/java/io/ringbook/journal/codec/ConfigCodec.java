package io.ringbook.journal.codec;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's reference data as a {@link RecordType#CONFIG} record: the header, then UTF-8
 * lines, readable in a hex dump and by auditors:
 * <pre>
 *   symbol BTC-USD 0.01 0.0001 0 0     (name, tick, lot, maker and taker fee in ppm; in id order)
 *   account T1                         (in id order)
 * </pre>
 * Written once per run, at start-up, off the hot path; allocation is fine here.
 */
public final class ConfigCodec {

    public static final int SCHEMA_VERSION = 1;

    private ConfigCodec() {
    }

    public static int encode(ReferenceData data, long sequence, long eventTimeNanos, MutableDirectBuffer buffer, int offset) {
        StringBuilder text = new StringBuilder();
        for (SymbolSpec s : data.symbols().all()) {
            text.append("symbol ").append(s.name()).append(' ').append(s.tickSize().toPlainString()).append(' ')
                    .append(s.lotSize().toPlainString()).append(' ').append(s.makerFeePpm()).append(' ')
                    .append(s.takerFeePpm()).append('\n');
        }
        for (String account : data.accounts().all()) {
            text.append("account ").append(account).append('\n');
        }
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
        List<SymbolSpec> symbols = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            if (f[0].equals("symbol") && f.length == 6) {
                symbols.add(new SymbolSpec(symbols.size(), f[1], new BigDecimal(f[2]), new BigDecimal(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5])));
            } else if (f[0].equals("account") && f.length == 2) {
                accounts.add(f[1]);
            } else {
                throw new JournalFormatException("unreadable configuration line: " + line);
            }
        }
        return new ReferenceData(new SymbolTable(symbols), new AccountTable(accounts));
    }
}
