package io.ringbook.journal;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.journal.codec.EventCodec;

import java.util.function.BooleanSupplier;

/**
 * Feeds the recorded output journal, in order, to listeners: how read models that live
 * outside the business logic (the gateway's orders, market depth) are rebuilt on start,
 * since recovery replays the logic with its outbound side suppressed.
 */
public final class OutputEvents {

    private OutputEvents() {
    }

    /** @return the number of events delivered */
    public static long replay(Journal journal, Iterable<? extends EngineListener> listeners) {
        return deliver(new JournalCursor(journal.output(), "output journal"), Long.MIN_VALUE, listeners, () -> false);
    }

    /**
     * Feeds only the events after {@code sequence}, to read models restored as of that
     * sequence; reads the journal from near that point, not from its start.
     *
     * @return the number of events delivered
     */
    public static long replayAfter(Journal journal, long sequence, Iterable<? extends EngineListener> listeners) {
        return replayAfter(journal, sequence, listeners, () -> false);
    }

    /**
     * Like {@link #replayAfter(Journal, long, Iterable)}, but stops as soon as {@code enough}
     * turns true (checked before each event): for reading one order, not the journal's rest.
     *
     * @return the number of events delivered
     */
    public static long replayAfter(Journal journal, long sequence, Iterable<? extends EngineListener> listeners,
                                   BooleanSupplier enough) {
        return deliver(JournalCursor.after(journal.output(), "output journal", sequence), sequence, listeners, enough);
    }

    private static long deliver(JournalCursor records, long after, Iterable<? extends EngineListener> listeners,
                                BooleanSupplier enough) {
        EngineEvent event = new EngineEvent();
        long delivered = 0;
        try (JournalCursor cursor = records) {
            while (!enough.getAsBoolean() && cursor.next()) {
                EventCodec.decode(cursor.buffer(), cursor.offset(), event);
                if (event.sequence <= after) {
                    continue;
                }
                for (EngineListener listener : listeners) {
                    listener.onEvent(event);
                }
                delivered++;
            }
        }
        return delivered;
    }
}
