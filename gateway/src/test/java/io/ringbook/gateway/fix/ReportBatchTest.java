package io.ringbook.gateway.fix;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the thread that delivers the engine's events holds reports: one that only
 * answers (the lookup of older orders) never becomes the holder, and the delivering
 * thread taking over from a rebuild's thread at start holds from then on. It holds only
 * while busy: after a batch of one command, the next batch's reports are written at once.
 */
class ReportBatchTest {

    @Test
    void theThreadThatDeliversEventsHoldsAndNoOtherDoes() throws Exception {
        ReportBatch batch = new ReportBatch();
        assertFalse(CompletableFuture.supplyAsync(batch::holds).get(5, TimeUnit.SECONDS), "an answering thread before any event");

        CompletableFuture.runAsync(() -> batch.holdOn(true)).get(5, TimeUnit.SECONDS); // the rebuild at start delivers first
        batch.holdOn(true); // then the outbound thread, a batch of two commands
        batch.holdOn(true);
        batch.flush();
        batch.holdOn(false);
        assertTrue(batch.holds(), "the thread delivering events now holds");
        assertFalse(CompletableFuture.supplyAsync(batch::holds).get(5, TimeUnit.SECONDS), "an answering thread never holds");
    }

    @Test
    void aBatchAfterOneOfASingleCommandIsWrittenAtOnce() {
        ReportBatch batch = new ReportBatch();
        batch.holdOn(false);
        batch.holdOn(true);
        batch.flush();
        batch.holdOn(false);
        assertFalse(batch.holds(), "orders one at a time: each report goes out as it is sent");

        batch.holdOn(true);
        batch.holdOn(true);
        batch.flush();
        batch.holdOn(false);
        assertTrue(batch.holds(), "a busy batch before: this one's reports are held");

        batch.holdOn(true);
        batch.flush();
        assertFalse(batch.holds(), "quiet again: written at once");
    }

    @Test
    void theCommandsOfARebuildAtStartDoNotMakeTheOutboundThreadBusy() throws Exception {
        ReportBatch batch = new ReportBatch();
        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10; i++) {
                batch.holdOn(true); // a rebuild delivers the journal's events, with no batch ends
            }
        }).get(5, TimeUnit.SECONDS);
        batch.holdOn(true); // the outbound thread's first batch: one command
        batch.flush();
        batch.holdOn(false);
        assertFalse(batch.holds(), "one command in the outbound thread's first batch: the next is written at once");
    }
}
