package io.ringbook.engine.testing;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.pipeline.JournalStage;

import java.util.concurrent.CountDownLatch;

/** A journal whose batches never become durable until released: the decision thread stops, the ring fills. */
public final class HangingJournal implements JournalStage {

    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void append(Command command) {
    }

    @Override
    public void endOfBatch() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets every waiting and later batch through. */
    public void release() {
        release.countDown();
    }
}
