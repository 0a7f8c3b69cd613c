package io.ringbook.journal;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * {@code ringbook replay}: replays a data directory's input journal into a fresh engine
 * built from the journaled configuration, and compares every event it produces, as
 * journal bytes, with the recorded output journal. Never writes to the data directory.
 * Records of older event schemas are compared as the current engine would write them:
 * the {@code BOOK_LEVEL} records that engines before schema 4 wrote are passed over (the
 * depth book is now derived from the order events outside the logic), and with them the
 * mark of a command's last event, which such a record often carried.
 */
public final class ReplayVerifier {

    /** What the replay found; {@code firstDifference} is null when every output matched. */
    public record Report(long commands, long events, long nanosTaken, String firstDifference) {
        public boolean identical() {
            return firstDifference == null;
        }
    }

    private ReplayVerifier() {
    }

    /** @param logicFactory builds the logic to replay into, with the same risk the live run had */
    public static Report verify(Path dataDir, BiFunction<ReferenceData, EventSink, BusinessLogic> logicFactory) {
        long started = System.nanoTime();
        try (Journal journal = Journal.openReadOnly(dataDir);
             JournalCursor recorded = new JournalCursor(journal.output(), "output journal")) {
            Comparison comparison = new Comparison(recorded);
            InputReplay.Result result = InputReplay.run(journal, data -> logicFactory.apply(data, new ListenerSink(comparison)));
            if (comparison.difference == null && comparison.nextRecorded()) {
                comparison.difference = "the output journal has more events than the replay produced, from "
                        + RecordJson.of(recorded.buffer(), recorded.offset(), result.referenceData());
            }
            return new Report(result.commands(), comparison.events, System.nanoTime() - started, comparison.difference);
        }
    }

    /** Encodes each replayed event and compares it with the next recorded one. */
    private static final class Comparison implements EngineListener {
        private final JournalCursor recorded;
        private final ExpandableArrayBuffer actual = new ExpandableArrayBuffer(EventCodec.MAX_LENGTH);
        private final EngineEvent decoded = new EngineEvent();
        /** A recorded event of an older schema, rewritten in the current one: the same event gives the same bytes. */
        private final ExpandableArrayBuffer upgraded = new ExpandableArrayBuffer(EventCodec.MAX_LENGTH);
        private long events;
        private String difference;

        Comparison(JournalCursor recorded) {
            this.recorded = recorded;
        }

        @Override
        public void onEvent(EngineEvent event) {
            if (difference != null) {
                return;
            }
            events++;
            int length = EventCodec.encode(event, actual, 0);
            if (!nextRecorded()) {
                difference = "the output journal ends before event " + events + " (sequence " + event.sequence
                        + "): replay produced " + event;
                return;
            }
            DirectBuffer expected = recorded.buffer();
            int at = recorded.offset();
            if (RecordHeader.version(expected, at) != EventCodec.SCHEMA_VERSION) {
                EventCodec.decode(expected, at, decoded);
                decoded.lastOfCommand = event.lastOfCommand;
                EventCodec.encode(decoded, upgraded, 0);
                expected = upgraded;
                at = 0;
            }
            if (RecordHeader.length(expected, at) != length || !sameBytes(expected, at, length)) {
                EventCodec.decode(expected, at, decoded);
                difference = "event " + events + " (sequence " + event.sequence + ") differs: recorded " + decoded
                        + " but replay produced " + event;
            }
        }

        /** Moves to the next recorded event, passing over an older schema's book levels. */
        boolean nextRecorded() {
            while (recorded.next()) {
                DirectBuffer buffer = recorded.buffer();
                int at = recorded.offset();
                if (RecordHeader.type(buffer, at) != RecordType.BOOK_LEVEL || RecordHeader.version(buffer, at) == EventCodec.SCHEMA_VERSION) {
                    return true;
                }
            }
            return false;
        }

        private boolean sameBytes(DirectBuffer expected, int at, int length) {
            for (int i = 0; i < length; i++) {
                if (expected.getByte(at + i) != actual.getByte(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
