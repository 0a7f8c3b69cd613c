package io.ringbook.journal;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.journal.codec.EventCodec;

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
        EngineEvent event = new EngineEvent();
        long delivered = 0;
        try (JournalCursor cursor = new JournalCursor(journal.output(), "output journal")) {
            while (cursor.next()) {
                EventCodec.decode(cursor.buffer(), cursor.offset(), event);
                for (EngineListener listener : listeners) {
                    listener.onEvent(event);
                }
                delivered++;
            }
        }
        return delivered;
    }
}
