package io.ringbook.cluster;

import io.ringbook.engine.event.EngineListener;
import org.agrona.DirectBuffer;

/**
 * What a gateway does with the cluster's outputs, on its client's agent thread, in log
 * order: each command as the cluster decided it, then its events, exactly once each
 * (frames missed around a fail-over are asked for again and duplicates dropped). With
 * the inputs a gateway journals what the single-process engine's input journal holds.
 */
public interface ClusterOutputs extends EngineListener {

    /**
     * A journal record of the input side: a command as decided (its sequence and the
     * log's time as event time) before its events, or the QUARANTINE record of a command
     * the logic failed on, right after that command.
     */
    void onInput(DirectBuffer record, int offset, int length);

    /** Events only: for clients that keep no input journal (tests, benchmarks). */
    static ClusterOutputs eventsTo(EngineListener listener) {
        return new ClusterOutputs() {
            @Override
            public void onInput(DirectBuffer record, int offset, int length) {
            }

            @Override
            public void onEvent(io.ringbook.engine.event.EngineEvent event) {
                listener.onEvent(event);
            }

            @Override
            public void onEndOfBatch() {
                listener.onEndOfBatch();
            }
        };
    }
}
