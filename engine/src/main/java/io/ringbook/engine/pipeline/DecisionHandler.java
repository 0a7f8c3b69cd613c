package io.ringbook.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.logic.BusinessLogic;

/**
 * The fused journal and business-logic stage: for each batch the ring hands over, it
 * stamps every command with its sequence and event time, appends it to the journal,
 * closes the journal batch, and only then decides the batch's commands in order, then
 * publishes the batch's events to the outbound ring at once.
 * Event time is read once per batch and never goes backwards; the clock is read once
 * more when the batch is journaled, for the latency recorders only.
 */
final class DecisionHandler implements EventHandler<Command> {

    private final RingBuffer<Command> ring;
    private final BusinessLogic logic;
    private final JournalStage journal;
    private final EpochClock clock;
    private final SnapshotHook snapshots;
    private final OutboundPublisher outbound;
    private long lastSequence;
    private long batchTime;
    private long batchStart = -1;

    DecisionHandler(RingBuffer<Command> ring, BusinessLogic logic, OutboundPublisher outbound, JournalStage journal, EpochClock clock,
                    SnapshotHook snapshots, long lastSequence, long lastEventTime) {
        this.ring = ring;
        this.outbound = outbound;
        this.snapshots = snapshots;
        this.logic = logic;
        this.journal = journal;
        this.clock = clock;
        this.lastSequence = lastSequence;
        this.batchTime = lastEventTime;
    }

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        batchTime = Math.max(batchTime, clock.epochNanos());
    }

    @Override
    public void onEvent(Command command, long ringSequence, boolean endOfBatch) {
        if (batchStart < 0) {
            batchStart = ringSequence;
        }
        command.sequence = ++lastSequence;
        command.eventTimeNanos = batchTime;
        journal.append(command);
        if (endOfBatch) {
            journal.endOfBatch();
            long journaled = clock.epochNanos();
            for (long s = batchStart; s <= ringSequence; s++) {
                Command decided = ring.get(s);
                decided.journaledNanos = journaled;
                decide(decided);
                if (decided.type == CommandType.SNAPSHOT) {
                    snapshots.onSnapshot(logic, decided);
                }
            }
            outbound.endOfBatch();
            batchStart = -1;
        }
    }

    /** Decides one command; a logic failure is told with the command's identity (the stage then stops). */
    private void decide(Command command) {
        try {
            logic.process(command);
        } catch (RuntimeException failure) {
            throw new CommandFailedException(command.sequence, command.type, journal.recordHex(command), failure);
        }
    }
}
