package io.ringbook.journal;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reading one stretch of a real output journal: from just after a sequence, stopping as
 * soon as the reader has enough, as the read model does for one order no longer kept.
 */
class OutputEventsReplayAfterTest {

    @TempDir
    Path data;

    @Test
    void shouldDeliverOnlyTheEventsAfterTheSequenceUntilTheReaderHasEnough() {
        int events = 20_000;
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            OutputJournal output = new OutputJournal(journal);
            EngineEvent event = new EngineEvent();
            for (int n = 1; n <= events; n++) {
                event.clear();
                event.type = EventType.ORDER_ACCEPTED;
                event.sequence = n;
                event.eventTimeNanos = 1_764_460_800_000_000_000L + n;
                event.lastOfCommand = true;
                event.orderId = n;
                event.side = Side.BUY;
                event.status = OrderStatus.NEW;
                event.qty = 1;
                output.onEvent(event);
                if (n % 50 == 0) {
                    output.onEndOfBatch();
                }
            }
            output.onEndOfBatch();
        }
        long[] seen = {0, 0};
        try (Journal journal = Journal.openReadOnly(data)) {
            long delivered = OutputEvents.replayAfter(journal, 15_000, List.<EngineListener>of(e -> {
                if (seen[0] == 0) {
                    seen[0] = e.sequence;
                }
                seen[1] = e.sequence;
            }), () -> seen[1] == 15_100);
            assertEquals(15_001, seen[0], "the first event after the sequence");
            assertEquals(15_100, seen[1], "the last one before the reader had enough");
            assertEquals(100, delivered);
        }
    }
}
