package io.ringbook.views.orders;

import io.ringbook.engine.event.EngineListener;

import java.util.function.BooleanSupplier;

/**
 * Every event the engine has reported, oldest first, as far back as the data directory
 * keeps them: where order and fill queries beyond what the read models keep are served
 * from (the REST history pages, {@link OrderViews#find}). The app reads it from the output
 * journal; without one, {@link #NONE} has nothing.
 */
@FunctionalInterface
public interface EventHistory {

    EventHistory NONE = listener -> {
    };

    /** Sends every recorded event to {@code listener}, oldest first, on the calling thread. */
    void replay(EngineListener listener);

    /**
     * Sends the recorded events after {@code sequence}, oldest first, until {@code enough}
     * turns true (checked before each event), on the calling thread: for reading one
     * order near where it began. May send earlier events too (this default sends them
     * all, from the start); the listener picks what it needs.
     */
    default void replayAfter(long sequence, EngineListener listener, BooleanSupplier enough) {
        replay(listener);
    }
}
