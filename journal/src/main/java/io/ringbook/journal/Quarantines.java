package io.ringbook.journal;

import io.ringbook.journal.codec.QuarantineCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;

import java.util.Arrays;

/**
 * The commands of an input journal that operators quarantined (QUARANTINE records,
 * written by {@code ringbook journal quarantine} after the logic failed on them): a
 * record follows the command it names, so the journal is read for them before a replay
 * begins (from the replay's first excerpt on). Sequences are held sorted, without boxing; there are seldom any.
 */
public final class Quarantines {

    private static final Quarantines NONE = new Quarantines(new long[0]);

    private final long[] sequences;

    private Quarantines(long[] sequences) {
        this.sequences = sequences;
    }

    /** Reads the input journal for QUARANTINE records. */
    public static Quarantines of(Journal journal) {
        return from(journal, -1);
    }

    /**
     * Reads the input journal from queue index {@code index} on ({@link JournalCursor#indexAfter};
     * -1: from its start) for QUARANTINE records: a replay from a snapshot needs only those
     * of the commands after it, which follow them.
     */
    static Quarantines from(Journal journal, long index) {
        long[] found = new long[4];
        int count = 0;
        try (JournalCursor cursor = JournalCursor.at(journal.input(), "input journal", index)) {
            while (cursor.next()) {
                if (RecordHeader.type(cursor.buffer(), cursor.offset()) == RecordType.QUARANTINE) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = QuarantineCodec.quarantined(cursor.buffer(), cursor.offset());
                }
            }
        }
        if (count == 0) {
            return NONE;
        }
        long[] sorted = Arrays.copyOf(found, count);
        Arrays.sort(sorted);
        return new Quarantines(sorted);
    }

    public boolean contains(long sequence) {
        return sequences.length > 0 && Arrays.binarySearch(sequences, sequence) >= 0;
    }

    public int size() {
        return sequences.length;
    }
}
