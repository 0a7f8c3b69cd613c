package io.ringbook.cluster;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import org.agrona.DirectBuffer;

import java.util.function.LongConsumer;

/**
 * What a gateway does with the cluster's outputs, on its client's agent thread, in log
 * order: each command as the cluster decided it, then its events (or, for outputs that
 * decode none, each command's end and the events of the commands the client's own callers
 * wait for), exactly once each (frames missed around a fail-over are asked for again and
 * duplicates dropped). With
 * the inputs a gateway journals what the single-process engine's input journal holds.
 */
public interface ClusterOutputs extends EngineListener {

    /**
     * A journal record of the input side: a command as decided (its sequence and the
     * log's time as event time) before its events, or the QUARANTINE record of a command
     * the logic failed on, right after that command.
     */
    void onInput(DirectBuffer record, int offset, int length);

    /**
     * Whether {@link #onEvent} wants every event, decoded. If not, the client decodes only
     * the events a caller of its own waits for, and reports each command's end with
     * {@link #onCommandDone} instead.
     */
    default boolean decodesEvents() {
        return true;
    }

    /** A command's last event came (outputs that decode no events): the command entered at {@code ingressNanos}. */
    default void onCommandDone(long ingressNanos) {
    }

    /**
     * Each command's end alone, with its ingress time, and no event decoded: for a client
     * that keeps neither read models nor a journal. The benchmark's cluster client uses it,
     * as the single-process side of the benchmark runs only a latency recorder, which reads
     * the same of each command's last event (docs/CLUSTER.md, "Burst throughput").
     */
    static ClusterOutputs commandsDoneTo(LongConsumer commandDone) {
        return new ClusterOutputs() {
            @Override
            public boolean decodesEvents() {
                return false;
            }

            @Override
            public void onCommandDone(long ingressNanos) {
                commandDone.accept(ingressNanos);
            }

            @Override
            public void onEvent(EngineEvent event) {
                if (event.lastOfCommand) {
                    commandDone.accept(event.ingressNanos);
                }
            }

            @Override
            public void onInput(DirectBuffer record, int offset, int length) {
            }
        };
    }

    /** Events only, to each of {@code listeners} in turn: for clients that keep no input journal (tests, benchmarks). */
    static ClusterOutputs eventsTo(EngineListener... listeners) {
        return new ClusterOutputs() {
            @Override
            public void onInput(DirectBuffer record, int offset, int length) {
            }

            @Override
            public void onEvent(EngineEvent event) {
                for (EngineListener listener : listeners) {
                    listener.onEvent(event);
                }
            }

            @Override
            public void onEndOfBatch() {
                for (EngineListener listener : listeners) {
                    listener.onEndOfBatch();
                }
            }
        };
    }
}
