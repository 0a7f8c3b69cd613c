package io.ringbook.perf;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.JournalStage;
import io.ringbook.engine.pipeline.WaitStrategyKind;

/**
 * What this machine allows Ringbook's inbound path, measured in the same run as
 * Ringbook itself: the same ring (size, producers, wait strategy) feeding (1) a trivial
 * handler, and (2) a handler that only journals each batch with the real input journal
 * (one Chronicle append per batch). Ringbook's figures are then printed as ratios of
 * these ceilings, which is the only comparison this noisy machine makes meaningful.
 */
final class Ceilings implements LoadHarness.Door, AutoCloseable {

    private static final int RING = 4096;

    private final RingBuffer<Command> ring;
    private final BatchEventProcessor<Command> processor;
    private final Thread thread;

    /** @param journal null for the bare ring, else the stage each batch is appended to */
    Ceilings(WaitStrategyKind wait, JournalStage journal, LatencyRecorder recorder) {
        ring = RingBuffer.create(ProducerType.MULTI, Command::new, RING, wait.create());
        EventHandler<Command> handler = journal == null ? trivial(recorder) : journaled(journal, recorder);
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), handler);
        ring.addGatingSequences(processor.getSequence());
        thread = new Thread(processor, "ringbook-ceiling");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean tryPublishAt(long ingressNanos, CommandPublisher.CommandWriter writer) {
        long slot;
        try {
            slot = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        Command command = ring.get(slot).clear();
        writer.write(command);
        command.ingressNanos = ingressNanos;
        ring.publish(slot);
        return true;
    }

    boolean isIdle() {
        return processor.getSequence().get() == ring.getCursor();
    }

    @Override
    public void close() throws InterruptedException {
        while (!isIdle()) {
            Thread.onSpinWait();
        }
        processor.halt();
        thread.join(5_000);
    }

    private static EventHandler<Command> trivial(LatencyRecorder recorder) {
        return (command, sequence, endOfBatch) -> recorder.commandDone(command.ingressNanos);
    }

    /** Appends each command, flushes the batch at its end, and only then counts the batch's commands done. */
    private EventHandler<Command> journaled(JournalStage journal, LatencyRecorder recorder) {
        return new EventHandler<>() {
            private long batchStart = -1;
            private long sequence;

            @Override
            public void onEvent(Command command, long ringSequence, boolean endOfBatch) {
                if (batchStart < 0) {
                    batchStart = ringSequence;
                }
                command.sequence = ++sequence;
                journal.append(command);
                if (endOfBatch) {
                    journal.endOfBatch();
                    for (long s = batchStart; s <= ringSequence; s++) {
                        recorder.commandDone(ring.get(s).ingressNanos);
                    }
                    batchStart = -1;
                }
            }
        };
    }
}
