package io.ringbook.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.logic.BusinessLogic;

import java.util.function.Function;

/**
 * The decision thread's own code, driven by the caller on its thread: the engine's
 * {@link DecisionHandler} over an inbound ring, and its {@link OutboundPublisher} writing
 * the events into an outbound ring that nobody reads (no consumer gates it, so it never
 * waits). Lives in the pipeline's package (in the perf module) because those classes are
 * the engine's internals; a benchmark that runs them with no other thread separates what
 * the pipeline's code path costs from what the hand-offs between threads cost.
 */
public final class DecisionPath {

    private final RingBuffer<Command> inbound;
    private final DecisionHandler handler;
    private final int batch;

    /**
     * @param logicFactory the logic, given the sink it publishes into: the outbound
     *                     ring's publisher, or {@code scratch} when that is not null
     */
    public DecisionPath(Function<EventSink, BusinessLogic> logicFactory, EventSink scratch, EpochClock clock, int batch, int outboundSlots) {
        this.inbound = RingBuffer.createSingleProducer(Command::new, Integer.highestOneBit(Math.max(batch, 1) * 2 - 1) * 2);
        RingBuffer<EngineEvent> outbound = RingBuffer.createSingleProducer(EngineEvent::new, outboundSlots);
        OutboundPublisher publisher = new OutboundPublisher(outbound, clock);
        BusinessLogic logic = logicFactory.apply(scratch != null ? scratch : publisher);
        this.handler = new DecisionHandler(inbound, logic, publisher, JournalStage.NONE, clock, SnapshotHook.NONE, 0, 0);
        this.batch = batch;
    }

    /** The inbound slot of the batch's {@code index}-th command, for the caller to fill before {@link #decide}. */
    public Command slot(int index) {
        return inbound.get(inbound.getCursor() + 1 + index);
    }

    /** Publishes the batch's {@code batch} filled slots and decides them as the decision thread does with a full batch. */
    public void decide() {
        long last = inbound.next(batch);
        long first = last - batch + 1;
        inbound.publish(first, last);
        handler.onBatchStart(batch, batch);
        for (long s = first; s <= last; s++) {
            handler.onEvent(inbound.get(s), s, s == last);
        }
    }
}
