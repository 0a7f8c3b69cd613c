package io.ringbook.journal;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.ConfigCodec;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The audit view of a data directory: every command of the input journal followed by
 * the events it caused from the output journal, filtered by event time, record type and
 * account, as JSON lines. Read-only; the admin API's audit query will use it too.
 */
public final class JournalQuery {

    /**
     * What to keep: event time in [{@code fromNanos}, {@code toNanos}), the record types
     * listed, an account name or null for all.
     */
    public record Filter(long fromNanos, long toNanos, Set<RecordType> types, String account) {
        public static final Filter ALL = new Filter(Long.MIN_VALUE, Long.MAX_VALUE, (RecordType) null, null);

        public Filter {
            types = Set.copyOf(types);
        }

        /** One record type, or null for all. */
        public Filter(long fromNanos, long toNanos, RecordType type, String account) {
            this(fromNanos, toNanos, type == null ? EnumSet.allOf(RecordType.class) : EnumSet.of(type), account);
        }
    }

    private JournalQuery() {
    }

    /** Sends the matching records, oldest first, to {@code lines}; returns how many. */
    public static long run(Path dataDir, Filter filter, Consumer<String> lines) {
        return run(dataDir, filter, Long.MAX_VALUE, lines);
    }

    /** The same, stopping after {@code limit} records (the admin API's pages). */
    public static long run(Path dataDir, Filter filter, long limit, Consumer<String> lines) {
        return run(dataDir, filter, limit, null, lines);
    }

    /** The same, with limits shown in {@code shape}'s form (null: as stored). */
    public static long run(Path dataDir, Filter filter, long limit, LimitsShape shape, Consumer<String> lines) {
        long matched = 0;
        try (Journal journal = Journal.openReadOnly(dataDir);
             JournalCursor input = new JournalCursor(journal.input(), "input journal");
             JournalCursor output = new JournalCursor(journal.output(), "output journal")) {
            ReferenceData data = null;
            boolean outputReady = output.next();
            while (matched < limit && input.next()) {
                if (data == null && RecordHeader.type(input.buffer(), input.offset()) == RecordType.CONFIG) {
                    data = ConfigCodec.decode(input.buffer(), input.offset());
                }
                matched += emit(input.buffer(), input.offset(), filter, data, shape, lines);
                long sequence = RecordHeader.sequence(input.buffer(), input.offset());
                while (matched < limit && outputReady && RecordHeader.sequence(output.buffer(), output.offset()) <= sequence) {
                    matched += emit(output.buffer(), output.offset(), filter, data, shape, lines);
                    outputReady = output.next();
                }
            }
        }
        return matched;
    }

    private static int emit(DirectBuffer buffer, int offset, Filter filter, ReferenceData data, LimitsShape shape,
                            Consumer<String> lines) {
        long time = RecordHeader.eventTime(buffer, offset);
        RecordType type = RecordHeader.type(buffer, offset);
        if (time < filter.fromNanos() || time >= filter.toNanos() || !filter.types().contains(type)) {
            return 0;
        }
        if (filter.account() != null && (type.followsACommand()
                || !filter.account().equals(RecordJson.account(data, type.isCommand()
                ? CommandCodec.accountId(buffer, offset) : EventCodec.accountId(buffer, offset))))) {
            return 0;
        }
        lines.accept(RecordJson.of(buffer, offset, data, shape));
        return 1;
    }
}
