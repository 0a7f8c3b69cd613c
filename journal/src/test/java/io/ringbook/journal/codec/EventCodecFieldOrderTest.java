package io.ringbook.journal.codec;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.testing.EventFields;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link EventCodec#encode} writes the fields one by one rather than looping over the
 * {@link EventField} table: each field must set its own presence bit, be written in its
 * table kind and read back exactly, alone and together with every other field (a field
 * written out of table order would be read into its neighbour).
 */
class EventCodecFieldOrderTest {

    private static final long TIME = 1_700_000_000_123_456_789L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);

    @Test
    void eachFieldAloneSetsItsOwnBitAndReadsBack() {
        for (EventField field : EventField.ALL) {
            EngineEvent event = base();
            give(event, field, 0);
            int length = EventCodec.encode(event, buffer, 0);
            long present = 0;
            for (int i = 0; i < EventField.BITMAP_BYTES; i++) {
                present |= (buffer.getByte(RecordHeader.LENGTH + i) & 0xFFL) << (i << 3);
            }
            assertEquals(1L << field.ordinal(), present, field + " sets only its own bit");
            EngineEvent decoded = new EngineEvent();
            assertEquals(length, EventCodec.decode(buffer, 0, decoded), field + "'s record length");
            assertEquals(EventFields.describe(event), EventFields.describe(decoded), field + " reads back");
        }
    }

    @Test
    void everyFieldTogetherReadsBackInTableOrder() {
        EngineEvent event = base();
        for (EventField field : EventField.ALL) {
            give(event, field, field.ordinal());
        }
        EventCodec.encode(event, buffer, 0);
        EngineEvent decoded = new EngineEvent();
        EventCodec.decode(buffer, 0, decoded);
        assertEquals(EventFields.describe(event), EventFields.describe(decoded));
    }

    private static EngineEvent base() {
        EngineEvent event = new EngineEvent().clear();
        event.type = EventType.ORDER_FILLED;
        event.sequence = 9;
        event.eventTimeNanos = TIME;
        return event;
    }

    /** Gives {@code field} a value other than its absent one, different per {@code salt} for numbers. */
    private static void give(EngineEvent event, EventField field, int salt) {
        switch (field.kind) {
            case NUMBER -> field.set(event, field.absent + 1000 + salt);
            case TIME -> field.set(event, TIME - 777 - salt);
            case CODE -> field.set(event, field.absent == 1 ? 2 : 1);
            case FLAG -> field.set(event, 1);
            case ID -> (field == EventField.CL_ORD_ID ? event.clOrdId : event.requestClOrdId).set("id-" + field.ordinal());
            case LIMITS -> event.limits = AccountLimits.none(3);
        }
    }
}
