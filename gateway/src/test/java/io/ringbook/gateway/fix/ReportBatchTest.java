package io.ringbook.gateway.fix;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the thread that delivers the engine's events holds reports: one that only
 * answers (the lookup of older orders) never becomes the holder, and the delivering
 * thread taking over from a rebuild's thread at start holds from then on.
 */
class ReportBatchTest {

    @Test
    void theThreadThatDeliversEventsHoldsAndNoOtherDoes() throws Exception {
        ReportBatch batch = new ReportBatch();
        assertFalse(CompletableFuture.supplyAsync(batch::holds).get(5, TimeUnit.SECONDS), "an answering thread before any event");

        CompletableFuture.runAsync(batch::holdOn).get(5, TimeUnit.SECONDS); // the rebuild at start delivers first
        batch.holdOn(); // then the outbound thread
        assertTrue(batch.holds(), "the thread delivering events now holds");
        assertFalse(CompletableFuture.supplyAsync(batch::holds).get(5, TimeUnit.SECONDS), "an answering thread never holds");
    }
}
