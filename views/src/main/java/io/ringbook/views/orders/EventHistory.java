package io.ringbook.views.orders;

import io.ringbook.engine.event.EngineListener;

/**
 * Every event the engine has reported, oldest first, as far back as the data directory
 * keeps them: where order and fill queries beyond the read models' two days are served
 * from ({@link HistoryQuery}). The app reads it from the output journal; without one,
 * {@link #NONE} has nothing.
 */
@FunctionalInterface
public interface EventHistory {

    EventHistory NONE = listener -> {
    };

    /** Sends every recorded event to {@code listener}, oldest first, on the calling thread. */
    void replay(EngineListener listener);
}
