package io.ringbook.app.backtest;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.journal.Journal;
import io.ringbook.journal.Quarantines;
import io.ringbook.journal.JournalCursor;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.ConfigCodec;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskEngine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs recorded or file-borne order flow through a fresh engine under other settings, as
 * fast as it goes, and measures what happened: the business logic and risk engine of a
 * live run, fed one command at a time on this thread, never writing to the source. With
 * a recorded journal, the recorded outcomes of the same commands are measured the same
 * way for the comparison.
 */
final class Backtest {

    /** The run's analytics, the recorded run's (null for an order file), and the order-by-order comparison. */
    record Outcome(ReferenceData data, Analytics run, Analytics recorded, OrderOutcomes now, OrderOutcomes before, long commands,
                   long nanos, List<String> skippedRows) {
    }

    private Backtest() {
    }

    static Outcome fromJournal(Path dataDir, Path settings, long fromNanos, long toNanos, PrintStream progress) throws IOException {
        try (Journal journal = Journal.openReadOnly(dataDir)) {
            long last = JournalCursor.lastSequence(journal.input(), "input journal");
            Quarantines quarantined = Quarantines.of(journal);
            ReferenceData data = null;
            Engine engine = null;
            Command command = new Command();
            long first = -1;
            long commands = 0;
            long lastRun = 0;
            long started = System.nanoTime();
            Progress meter = new Progress(progress, last);
            try (JournalCursor input = new JournalCursor(journal.input(), "input journal")) {
                while (input.next()) {
                    RecordType type = RecordHeader.type(input.buffer(), input.offset());
                    if (type == RecordType.CONFIG) {
                        if (data == null) {
                            data = BacktestSettings.forJournal(ConfigCodec.decode(input.buffer(), input.offset()), settings);
                            engine = new Engine(data, 1, last);
                        }
                        continue;
                    }
                    if (type == RecordType.QUARANTINE) {
                        continue;
                    }
                    long time = RecordHeader.eventTime(input.buffer(), input.offset());
                    if (engine == null || time < fromNanos || time >= toNanos) {
                        continue;
                    }
                    CommandCodec.decode(input.buffer(), input.offset(), command);
                    if (quarantined.contains(command.sequence)) {
                        continue; // an operator's QUARANTINE: recovery and replay skip it too
                    }
                    first = first < 0 ? command.sequence : first;
                    commands++;
                    lastRun = command.sequence;
                    engine.logic.process(command);
                    meter.update(command.sequence, engine.analytics.events());
                }
            }
            if (engine == null) {
                throw new IOException(dataDir + ": the input journal has no configuration and no commands");
            }
            long nanos = System.nanoTime() - started;
            Analytics recorded = new Analytics(data);
            OrderOutcomes before = new OrderOutcomes(1, last);
            EngineEvent event = new EngineEvent();
            try (JournalCursor output = new JournalCursor(journal.output(), "output journal")) {
                while (output.next()) {
                    long sequence = RecordHeader.sequence(output.buffer(), output.offset());
                    if (first >= 0 && sequence >= first && sequence <= lastRun) {
                        EventCodec.decode(output.buffer(), output.offset(), event);
                        recorded.onEvent(event);
                        before.onEvent(event);
                    }
                }
            }
            meter.done(lastRun, engine.analytics.events(), nanos);
            return new Outcome(data, engine.analytics, recorded, engine.outcomes, before, commands, nanos,
                    List.of());
        }
    }

    static Outcome fromOrderFile(Path orders, ReferenceData base, Path settings, boolean skipBadRows, PrintStream progress)
            throws IOException {
        ReferenceData data = BacktestSettings.forOrderFile(base, settings);
        OrderFile file = new OrderFile(data, skipBadRows);
        long[] count = {0};
        file.read(orders, c -> count[0]++);
        Engine engine = new Engine(data, 1, count[0]);
        Progress meter = new Progress(progress, count[0]);
        long started = System.nanoTime();
        long commands = file.read(orders, c -> {
            engine.logic.process(c);
            meter.update(c.sequence, engine.analytics.events());
        });
        long nanos = System.nanoTime() - started;
        meter.done(commands, engine.analytics.events(), nanos);
        return new Outcome(data, engine.analytics, null, engine.outcomes, null, commands, nanos, file.skipped());
    }

    /** A business logic with the risk engine of {@code data}, its events measured. */
    private static final class Engine {
        final Analytics analytics;
        final OrderOutcomes outcomes;
        final BusinessLogic logic;

        Engine(ReferenceData data, long firstSequence, long lastSequence) {
            analytics = new Analytics(data);
            outcomes = new OrderOutcomes(firstSequence, lastSequence);
            EngineListener both = e -> {
                analytics.onEvent(e);
                outcomes.onEvent(e);
            };
            logic = new BusinessLogic(data.symbols(), data.accounts().size(), RiskEngine.factory(data.risk(), new RiskBoard(data.risk())),
                    new ListenerSink(both), 1 << 16);
        }
    }

    /** A line on the progress stream about once a second: share done and events per second. */
    private static final class Progress {
        private final PrintStream out;
        private final long total;
        private long nextAt = System.nanoTime() + 1_000_000_000L;
        private final long started = System.nanoTime();

        Progress(PrintStream out, long total) {
            this.out = out;
            this.total = Math.max(1, total);
        }

        void update(long sequence, long events) {
            if ((sequence & 0x3FF) == 0 && System.nanoTime() >= nextAt) {
                nextAt += 1_000_000_000L;
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf("backtest: %3.0f%% (%d commands, %.0f events/s)%n", 100.0 * sequence / total, sequence, events / seconds);
            }
        }

        void done(long commands, long events, long nanos) {
            out.printf("backtest: %d commands, %d events in %.2f s (%.0f commands/s, %.0f events/s)%n", commands, events, nanos / 1e9,
                    commands * 1e9 / Math.max(1, nanos), events * 1e9 / Math.max(1, nanos));
        }
    }
}
