package io.ringbook.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs on the outbound thread and passes each event to every listener, in registration
 * order. A listener that throws is a bug in that listener, not a reason to stop the
 * others: the journal, the replies and every other door keep being served, the failure
 * is logged (the first hundred, then one in ten thousand) and counted, and the
 * pipeline's health turns DEGRADED. Without this, one bad report would kill the thread
 * and every client would wait for answers that never come.
 */
final class OutboundHandler implements EventHandler<EngineEvent> {

    private static final System.Logger LOG = System.getLogger("ringbook.outbound");
    private static final long LOGGED_IN_FULL = 100;
    private static final long LOG_ONE_IN = 10_000;

    private final EngineListener[] listeners;
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure = "";

    OutboundHandler(EngineListener[] listeners) {
        this.listeners = listeners;
    }

    @Override
    public void onEvent(EngineEvent event, long sequence, boolean endOfBatch) {
        for (EngineListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                failed(listener, event.toString(), e);
            }
        }
        if (endOfBatch) {
            for (EngineListener listener : listeners) {
                try {
                    listener.onEndOfBatch();
                } catch (RuntimeException e) {
                    failed(listener, "end of batch", e);
                }
            }
        }
    }

    long failures() {
        return failures.get();
    }

    String lastFailure() {
        return lastFailure;
    }

    private void failed(EngineListener listener, String what, RuntimeException e) {
        long count = failures.incrementAndGet();
        lastFailure = listener.getClass().getSimpleName() + " on " + what + ": " + e;
        if (count <= LOGGED_IN_FULL || count % LOG_ONE_IN == 0) {
            LOG.log(System.Logger.Level.ERROR, "outbound listener failure " + count + ": " + lastFailure, e);
        }
    }
}
