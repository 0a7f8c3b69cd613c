package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.RandomOrderFlow;

import java.nio.file.Path;
import java.util.List;

/** A real pipeline with real journals on a data directory, recovered on start, as the app wires it. */
public final class JournaledEngine implements AutoCloseable {

    public static final ReferenceData DEMO = new ReferenceData(DemoMarket.symbols(), new AccountTable(List.of("T1", "T2", "T3", "T4")));

    final Journal journal;
    final SnapshotStore snapshots;
    final SnapshotWriter snapshotWriter;
    public final Recovery.Outcome recovered;
    public final EnginePipeline pipeline;

    public JournaledEngine(Path dataDir, boolean journalOutput) {
        this(dataDir, journalOutput, 5);
    }

    public JournaledEngine(Path dataDir, boolean journalOutput, long clockTickMillis) {
        this(dataDir, journalOutput, clockTickMillis, DEMO);
    }

    /** Started with {@code configuration} (the demo's symbols and accounts, limits of its own). */
    public JournaledEngine(Path dataDir, boolean journalOutput, long clockTickMillis, ReferenceData configuration) {
        this(dataDir, journalOutput, clockTickMillis, configuration, null);
    }

    /** With {@code edge} (or none if null) served on the outbound thread, as the doors are in the app. */
    public JournaledEngine(Path dataDir, boolean journalOutput, long clockTickMillis, ReferenceData configuration, EngineListener edge) {
        journal = Journal.open(dataDir, Durability.PROCESS_CRASH);
        snapshots = new SnapshotStore(dataDir);
        snapshotWriter = new SnapshotWriter(snapshots, journal, configuration);
        try {
            recovered = Recovery.recover(journal, snapshots, configuration, JournaledEngine::newLogic);
        } catch (RuntimeException failed) {
            journal.close();
            throw failed;
        }
        EnginePipeline.Builder builder = EnginePipeline.builder(sink -> {
                    recovered.sink().switchTo(sink);
                    return recovered.logic();
                })
                .config(PipelineConfig.DEFAULTS.withClockTickMillis(clockTickMillis))
                .journal(new InputJournal(journal, configuration))
                .snapshots(snapshotWriter)
                .resumeAfter(recovered.lastSequence(), recovered.lastEventTimeNanos());
        if (journalOutput) {
            builder.outputJournal(new OutputJournal(journal));
        }
        if (edge != null) {
            builder.listener(edge);
        }
        pipeline = builder.build().start();
    }

    public static BusinessLogic newLogic(ReferenceData data, io.ringbook.engine.event.EventSink sink) {
        return new BusinessLogic(data.symbols(), data.accounts().size(), PreTradeCheck.NONE, sink, 1024);
    }

    /** Publishes {@code count} commands of a seeded random flow and waits until all are decided and journaled. */
    public void run(long seed, int count) throws InterruptedException {
        RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 500);
        Command generated = new Command();
        long firstId = recovered.logic().orders().lastOrderId();
        for (int i = 0; i < count; i++) {
            flow.next(generated, System.currentTimeMillis() * 1_000_000L);
            if (generated.orderId != 0) {
                generated.orderId += firstId;
            }
            while (!pipeline.publisher().tryPublish(slot -> slot.copyFrom(generated))) {
                Thread.onSpinWait();
            }
        }
        while (!pipeline.isIdle()) {
            Thread.sleep(1);
        }
    }

    /** Takes a snapshot through the pipeline and waits until its file is written; returns its sequence. */
    public long snapshot() throws Exception {
        long sequence = pipeline.publisher().submit(Command::snapshot).get(10, java.util.concurrent.TimeUnit.SECONDS).get(0).sequence;
        while (snapshotWriter.last() == null || snapshotWriter.last().sequence() != sequence || !snapshotWriter.last().written()) {
            Thread.sleep(1);
        }
        return sequence;
    }

    @Override
    public void close() {
        pipeline.close();
        snapshotWriter.close();
        journal.close();
    }
}
