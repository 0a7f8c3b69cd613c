package io.ringbook.app;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.PipelineConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The engine wired for one run: reference data, the business logic behind the pipeline,
 * and the data directory it owns. What {@code ./ringbook start} runs, and what
 * integration tests start in-process.
 */
final class RunningEngine implements AutoCloseable {

    private static final int INITIAL_ORDERS = 1 << 16;

    private final SymbolTable symbols;
    private final AccountTable accounts;
    private final Path dataDir;
    private final EnginePipeline pipeline;

    private RunningEngine(SymbolTable symbols, AccountTable accounts, Path dataDir, PipelineConfig config) {
        this.symbols = symbols;
        this.accounts = accounts;
        this.dataDir = dataDir;
        this.pipeline = EnginePipeline.builder(sink ->
                        new BusinessLogic(symbols, accounts.size(), PreTradeCheck.ACCEPT_ALL, sink, INITIAL_ORDERS))
                .config(config).build().start();
    }

    /** Starts the demo profile on {@code dataDir}, emptying it first if {@code fresh}. */
    static RunningEngine startDemo(Path dataDir, boolean fresh, PipelineConfig config) {
        prepare(dataDir, fresh);
        return new RunningEngine(DemoProfile.symbols(), DemoProfile.accounts(), dataDir, config);
    }

    SymbolTable symbols() {
        return symbols;
    }

    AccountTable accounts() {
        return accounts;
    }

    Path dataDir() {
        return dataDir;
    }

    EnginePipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        pipeline.close();
    }

    private static void prepare(Path dataDir, boolean fresh) {
        try {
            if (fresh && Files.exists(dataDir)) {
                try (Stream<Path> paths = Files.walk(dataDir)) {
                    paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dataDir)).forEach(RunningEngine::delete);
                }
            }
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare data directory " + dataDir, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + path, e);
        }
    }
}
