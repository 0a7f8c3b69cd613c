package io.ringbook.journal;

import io.ringbook.journal.codec.JournalFormatException;
import io.ringbook.journal.codec.QuarantineCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import net.openhft.chronicle.queue.ExcerptAppender;

import java.nio.file.Path;

/**
 * Appends an operator's QUARANTINE record to a stopped engine's input journal: the way
 * out when the logic fails on a journaled command, which every start would otherwise
 * replay and fail on again. Only a command the journal holds, not yet quarantined, may
 * be named; the record is forced to the device before this returns.
 */
public final class QuarantineWriter {

    private QuarantineWriter() {
    }

    /**
     * @return what was journaled, in one line
     * @throws JournalFormatException if the journal holds no command {@code sequence}, or it is already quarantined
     * @throws IllegalArgumentException if the reason is empty or too long
     */
    public static String quarantine(Path dataDir, long sequence, String reason) {
        try (Journal journal = Journal.open(dataDir, Durability.POWER_LOSS)) {
            RecordType target = null;
            long lastSequence = 0;
            long lastTime = 0;
            try (JournalCursor cursor = new JournalCursor(journal.input(), "input journal")) {
                while (cursor.next()) {
                    RecordType type = RecordHeader.type(cursor.buffer(), cursor.offset());
                    long at = RecordHeader.sequence(cursor.buffer(), cursor.offset());
                    if (type == RecordType.QUARANTINE && QuarantineCodec.quarantined(cursor.buffer(), cursor.offset()) == sequence) {
                        throw new JournalFormatException("command " + sequence + " is already quarantined ("
                                + QuarantineCodec.reason(cursor.buffer(), cursor.offset()) + ")");
                    }
                    if (type.isCommand() && at == sequence) {
                        target = type;
                    }
                    lastSequence = at;
                    lastTime = RecordHeader.eventTime(cursor.buffer(), cursor.offset());
                }
            }
            if (target == null) {
                throw new JournalFormatException("the input journal in " + journal.directory() + " holds no command " + sequence
                        + " (it ends at " + lastSequence + ")");
            }
            JournalBatch record = new JournalBatch();
            record.added(QuarantineCodec.encode(lastSequence, lastTime, sequence, target, reason, record.buffer(), record.position()));
            try (ExcerptAppender appender = journal.input().createAppender()) {
                record.appendTo(appender);
                journal.syncInput(appender);
            }
            return "quarantined command " + sequence + " (" + target + "): recovery and replay skip it from now on; reason: "
                    + reason.strip();
        }
    }
}
