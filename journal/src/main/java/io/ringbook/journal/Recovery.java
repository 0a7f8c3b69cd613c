package io.ringbook.journal;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.journal.codec.JournalFormatException;

import java.util.function.BiFunction;

/**
 * Brings a business logic back to where the journal ends, before any gateway opens:
 * replays the input journal with outbound sending suppressed, except that the events
 * of commands missing from the output journal (the process died between deciding and
 * journaling their outcomes) are journaled now, so the output journal is whole again.
 * Then journals this run's configuration, stamped with the start time. The caller starts the pipeline with
 * {@link Outcome#lastSequence()} and {@link Outcome#lastEventTimeNanos()}.
 */
public final class Recovery {

    /** The recovered state: the logic (sink switchable to the live pipeline) and where the journal ended. */
    public record Outcome(BusinessLogic logic, SwitchableSink sink, long commandsReplayed, long eventsRejournaled,
                          long lastSequence, long lastEventTimeNanos, long nanosTaken) {
    }

    private Recovery() {
    }

    /**
     * @param configured   this run's reference data; it must equal the journal's
     * @param logicFactory builds a logic from reference data and a sink
     * @throws JournalFormatException if the journal is unreadable or was written with another configuration
     */
    public static Outcome recover(Journal journal, ReferenceData configured,
                                  BiFunction<ReferenceData, EventSink, BusinessLogic> logicFactory) {
        long started = System.nanoTime();
        long outputThrough = JournalCursor.lastSequence(journal.output(), "output journal");
        OutputJournal output = new OutputJournal(journal);
        CatchUp catchUp = new CatchUp(output, outputThrough);
        SwitchableSink sink = new SwitchableSink(new ListenerSink(catchUp));
        InputReplay.Result replayed = InputReplay.run(journal, data -> logicFactory.apply(data, sink));
        output.onEndOfBatch();
        BusinessLogic logic = replayed.logic();
        if (logic == null) {
            logic = logicFactory.apply(configured, sink);
        } else if (!sameReferenceData(replayed.referenceData(), configured)) {
            throw new JournalFormatException("the journal in " + journal.directory()
                    + " was written with another configuration; start with --fresh or with the original configuration");
        }
        long startTime = Math.max(System.currentTimeMillis() * 1_000_000L, replayed.lastEventTimeNanos());
        new InputJournal(journal).recordConfiguration(configured, replayed.lastSequence(), startTime);
        return new Outcome(logic, sink, replayed.commands(), catchUp.written, replayed.lastSequence(),
                replayed.lastEventTimeNanos(), System.nanoTime() - started);
    }

    private static boolean sameReferenceData(ReferenceData a, ReferenceData b) {
        return a.symbols().all().equals(b.symbols().all()) && a.accounts().all().equals(b.accounts().all());
    }

    /** Passes on only the events of commands after {@code through}. */
    private static final class CatchUp implements EngineListener {
        private final EngineListener output;
        private final long through;
        private long written;

        CatchUp(EngineListener output, long through) {
            this.output = output;
            this.through = through;
        }

        @Override
        public void onEvent(EngineEvent event) {
            if (event.sequence > through) {
                output.onEvent(event);
                written++;
            }
        }
    }
}
