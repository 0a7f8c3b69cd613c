package io.ringbook.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Holds the {@code ringbook.access} lines of requests that arrive while {@code start}
 * brings the engine up (health probes poll from the first second), so that the start
 * banner is printed whole and first; {@link #release} then writes them, in order, and
 * from then on every line passes straight through. At most {@value #MAX_HELD} lines are
 * held; beyond that they are written at once rather than lost. Holding and releasing
 * happen under the holder's own lock (Logback's {@code doAppend} is synchronized), so no
 * line is lost, doubled or reordered.
 */
final class AccessLogHold {

    private static final int MAX_HELD = 10_000;

    private final Logger logger;
    private final List<Appender<ILoggingEvent>> writers = new ArrayList<>();
    private final List<ILoggingEvent> held = new ArrayList<>();
    private boolean released;
    private final AppenderBase<ILoggingEvent> holder = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (!released && held.size() < MAX_HELD) {
                event.prepareForDeferredProcessing();
                held.add(event);
            } else {
                writers.forEach(writer -> writer.doAppend(event));
            }
        }
    };

    private AccessLogHold(Logger logger) {
        this.logger = logger;
        if (logger == null) {
            return;
        }
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            writers.add(it.next());
        }
        holder.setContext(logger.getLoggerContext());
        holder.setName("ringbook-start-hold");
        holder.start();
        logger.addAppender(holder);
        writers.forEach(logger::detachAppender);
    }

    /** Starts holding the access log's lines (nothing happens unless logging is Logback's). */
    static AccessLogHold begin() {
        return new AccessLogHold(LoggerFactory.getLogger("ringbook.access") instanceof Logger logback ? logback : null);
    }

    /** Writes what was held and lets new lines through again. */
    void release() {
        synchronized (holder) {
            for (ILoggingEvent event : held) {
                writers.forEach(writer -> writer.doAppend(event));
            }
            held.clear();
            released = true;
        }
    }
}
