package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** What tests of the whole app in the demo profile share: a data directory per test and the engine on free ports. */
abstract class DemoEngineTest {

    @TempDir
    Path data;

    Ports ports;
    RunningEngine engine;

    @BeforeEach
    void start() {
        ports = Ports.any();
        engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, ports);
    }

    @AfterEach
    void stop() {
        engine.close();
    }
}
