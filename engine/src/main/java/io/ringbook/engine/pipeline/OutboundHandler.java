package io.ringbook.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs on an outbound consumer's thread and passes each event to every listener of that
 * consumer, in registration order, until the consumer is cut off. A listener that throws is a bug in that listener, not a reason to stop the
 * others: the journal, the replies and every other door keep being served, the failure
 * is logged (the first hundred, then one in ten thousand) and counted, and the
 * pipeline's health turns DEGRADED. Without this, one bad report would kill the thread
 * and every client would wait for answers that never come. That holds for an
 * {@link Error} too (a stack overflow, a failed assertion, even an out-of-memory in one
 * listener): this thread is the only way replies leave the engine, so it carries on.
 * It is also the outbound processor's exception handler, so that whatever escapes the
 * listener loop is counted the same way and the processor moves on to the next event.
 */
final class OutboundHandler implements EventHandler<EngineEvent>, ExceptionHandler<EngineEvent> {

    private static final System.Logger LOG = System.getLogger("ringbook.outbound");
    private static final long LOGGED_IN_FULL = 100;
    private static final long LOG_ONE_IN = 10_000;

    private final EngineListener[] listeners;
    private final OutboundConsumer consumer;
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure = "";

    OutboundHandler(EngineListener[] listeners, OutboundConsumer consumer) {
        this.listeners = listeners;
        this.consumer = consumer;
    }

    @Override
    public void onEvent(EngineEvent event, long sequence, boolean endOfBatch) {
        if (consumer.isCutOff()) {
            return;
        }
        for (EngineListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (Throwable e) {
                failed(listener.getClass().getSimpleName() + " on " + event, e);
            }
        }
        if (endOfBatch) {
            // the replies first: what a caller's continuation sends on this thread (a FIX report) goes out with the batch's flush
            consumer.batchHandled(sequence);
            endOfBatch();
            // then the output journal, when it follows on this thread: the batch's replies and flushes never wait for it
            consumer.batchEnded(sequence);
        }
    }

    /**
     * The consumer stops (cut off mid-batch, or the engine closing): what the listeners
     * hold for the end of a batch goes out now, e.g. a FIX session's held reports, which
     * would otherwise wait for the session's next message from another thread.
     */
    @Override
    public void onShutdown() {
        endOfBatch();
    }

    private void endOfBatch() {
        for (EngineListener listener : listeners) {
            try {
                listener.onEndOfBatch();
            } catch (Throwable e) {
                failed(listener.getClass().getSimpleName() + " on end of batch", e);
            }
        }
    }

    long failures() {
        return failures.get();
    }

    String lastFailure() {
        return lastFailure;
    }

    @Override
    public void handleEventException(Throwable failure, long sequence, EngineEvent event) {
        failed("the outbound loop at ring sequence " + sequence, failure);
    }

    @Override
    public void handleOnStartException(Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "the outbound consumer " + consumer.name() + " did not start", failure);
    }

    @Override
    public void handleOnShutdownException(Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "the outbound consumer " + consumer.name() + " failed while stopping", failure);
    }

    private void failed(String what, Throwable e) {
        long count = failures.incrementAndGet();
        lastFailure = what + ": " + e;
        if (count <= LOGGED_IN_FULL || count % LOG_ONE_IN == 0) {
            LOG.log(System.Logger.Level.ERROR, "outbound listener failure " + count + ": " + lastFailure, e);
        }
    }
}
