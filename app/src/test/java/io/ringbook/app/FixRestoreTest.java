package io.ringbook.app;

import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import io.ringbook.journal.backup.Backup;
import io.ringbook.journal.backup.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.MsgType;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A FIX client reconnecting to an engine restored from a backup meets the sequence numbers it expects. */
class FixRestoreTest extends FixDemoTest {

    @TempDir
    Path elsewhere;

    @Test
    void aSessionGoesOnWithItsSequenceNumbersAfterARestore() throws Exception {
        int sentToClient;
        try (FixClient t1 = client("T1")) {
            for (int i = 0; i < 3; i++) {
                t1.send(order("b-" + i, "TEST", '1', "90", "1"));
                assertEquals('0', t1.next(MsgType.EXECUTION_REPORT).getChar(150));
            }
            sentToClient = t1.fixSession().getExpectedTargetNum() - 1;
        }
        engine.close();
        Path backup = elsewhere.resolve("backup");
        Path restored = elsewhere.resolve("restored");
        Backup.run(data, backup, false, "test");
        Restore.run(backup, restored, Long.MAX_VALUE, Long.MAX_VALUE);
        engine = RunningEngine.startDemo(restored, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, ports);

        try (FixClient again = new FixClient("T1", engine.fixPort(), clients.resolve("T1"))) {
            assertTrue(again.awaitLogon(10), "the restored engine numbers on where the session left off, so the client logs on");
            assertTrue(again.fixSession().getExpectedTargetNum() > sentToClient, "no reset to 1 for the client to refuse");
            again.send(order("b-after", "TEST", '1', "90", "1"));
            Message report = again.next(MsgType.EXECUTION_REPORT);
            while (!report.getString(11).equals("b-after")) {
                assertEquals('4', report.getChar(150), "before it, the cancel-on-disconnect reports kept for the session: " + report);
                report = again.next(MsgType.EXECUTION_REPORT);
            }
            assertEquals('0', report.getChar(150), "and trades on");
        }
    }
}
