package io.ringbook.engine.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.Sequencer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.logic.BusinessLogic;

import java.util.function.Function;

/**
 * The decision thread's own code, driven by the caller on its thread: the engine's
 * {@link DecisionHandler} over an inbound ring made as the pipeline makes it (many
 * producers, its default size), read through a sequence barrier and a sequence of its
 * own as the decision thread reads it, and its {@link OutboundPublisher} writing the
 * events into an outbound ring that nobody reads (no consumer gates it, so it never
 * waits). Lives in the pipeline's package (in the perf module) because those classes are
 * the engine's internals; a benchmark that runs them with no other thread separates what
 * the pipeline's code path costs from what the hand-offs between threads cost. What it
 * leaves out: the decision thread's waiting (every batch here is full and published).
 */
public final class DecisionPath {

    private final RingBuffer<Command> inbound;
    private final SequenceBarrier barrier;
    private final Sequence decided = new Sequence(Sequencer.INITIAL_CURSOR_VALUE);
    private final RingBuffer<EngineEvent> outbound;
    private final DecisionHandler handler;
    private final int batch;

    /**
     * @param logicFactory the logic, given the sink it publishes into: the outbound
     *                     ring's publisher, or {@code scratch} when that is not null
     * @param batch        commands a batch, at most the inbound ring's size
     */
    public DecisionPath(Function<EventSink, BusinessLogic> logicFactory, EventSink scratch, EpochClock clock, int batch, int outboundSlots) {
        PipelineConfig pipeline = PipelineConfig.DEFAULTS;
        if (batch < 1 || batch > pipeline.ringSize()) {
            throw new IllegalArgumentException("a batch of " + batch + " commands does not fit an inbound ring of " + pipeline.ringSize());
        }
        this.inbound = RingBuffer.create(ProducerType.MULTI, Command::new, pipeline.ringSize(), pipeline.waitStrategy().create());
        this.barrier = inbound.newBarrier();
        inbound.addGatingSequences(decided);
        this.outbound = RingBuffer.createSingleProducer(EngineEvent::new, outboundSlots);
        OutboundPublisher publisher = new OutboundPublisher(outbound, clock);
        BusinessLogic logic = logicFactory.apply(scratch != null ? scratch : publisher);
        this.handler = new DecisionHandler(inbound, logic, publisher, JournalStage.NONE, clock, SnapshotHook.NONE, 0, 0);
        this.batch = batch;
    }

    /** The inbound slot of the next batch's {@code index}-th command, for the caller to fill before {@link #decide}. */
    public Command slot(int index) {
        return inbound.get(inbound.getCursor() + 1 + index);
    }

    /** Publishes the batch's filled slots and decides them as the decision thread does a full batch it finds published. */
    public void decide() {
        long last = inbound.next(batch);
        long first = last - batch + 1;
        inbound.publish(first, last);
        long available = available(first);
        handler.onBatchStart(available - first + 1, available - first + 1);
        for (long s = first; s <= available; s++) {
            handler.onEvent(inbound.get(s), s, s == available);
        }
        decided.set(available);
    }

    /** Events published into the outbound ring so far (none with a scratch sink). */
    public long eventsPublished() {
        return outbound.getCursor() + 1;
    }

    private long available(long first) {
        try {
            return barrier.waitFor(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading a published batch", e);
        } catch (AlertException | TimeoutException e) {
            throw new IllegalStateException("nothing alerts or times out this barrier", e);
        }
    }
}
