package io.ringbook.app.backtest;

import io.ringbook.engine.domain.ReferenceData;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** The one entry point of a backtest: a source, the settings, then a report. */
public final class BacktestRun {

    private final ReferenceData orderFileBase;
    private final Path settings;
    private final PrintStream progress;
    private Backtest.Outcome outcome;
    private String source;

    /** @param orderFileBase the configuration an order file runs under before the settings (a journal brings its own) */
    public BacktestRun(ReferenceData orderFileBase, Path settings, PrintStream progress) {
        this.orderFileBase = orderFileBase;
        this.settings = settings;
        this.progress = progress;
    }

    public void journal(Path dataDir, long fromNanos, long toNanos) throws IOException {
        outcome = Backtest.fromJournal(dataDir, settings, fromNanos, toNanos, progress);
        source = "journal " + dataDir;
    }

    public void orders(Path file, boolean skipBadRows) throws IOException {
        outcome = Backtest.fromOrderFile(file, orderFileBase, settings, skipBadRows, progress);
        source = "order file " + file;
    }

    /** The report as data (what the file holds). */
    public Map<String, Object> report() {
        return BacktestReport.build(outcome, source, settings == null ? "as recorded" : settings.toString());
    }

    public void report(Path file) throws IOException {
        BacktestReport.write(report(), file);
    }
}
