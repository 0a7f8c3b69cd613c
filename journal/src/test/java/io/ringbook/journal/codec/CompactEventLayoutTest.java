package io.ringbook.journal.codec;

import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.testing.EventFields;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact event layout (schema 3): every field of an event is in the one field
 * table, records are a fraction of schema 2's, and schema 2 records written by earlier
 * builds still read as the same events.
 */
class CompactEventLayoutTest {

    /** An ORDER_FILLED and a BOOK_LEVEL as schema 2 wrote them (the build before issue 17's layout). */
    private static final String V2_FILL = "a70022022a0000000000000015cd853dfe9c97170700000000000000c0d47e3dfe9c9717010000000200000001000000"
            + "e903000000000000f5010000000000000201010200020101c2d00300000000000f000000000000000500000000000000ca1313000000000000"
            + "0000000000000000002a36fe9c97174d00000000000000c2d00300000000000500000000000000f4ffffffffffffff01056162632d3107616d"
            + "656e642d32";
    private static final String V2_LEVEL = "50002a022b0000000000000000c21542fe9c97170000000000000000000000000000000000000000ffffffff0100"
            + "0000010000000000000090d00300000000001e000000000000000900000000000000";

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);

    @Test
    void everyFieldOfAnEventIsInTheFieldTableOrNamedAsNotJournaled() {
        Set<String> inTable = Arrays.stream(EventField.ALL)
                .map(f -> f.name().toLowerCase(Locale.ROOT).replace("_", "")).collect(Collectors.toCollection(TreeSet::new));
        for (Field field : EngineEvent.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || EventField.NOT_JOURNALED.contains(field.getName())) {
                continue;
            }
            String name = field.getName().toLowerCase(Locale.ROOT).replace("nanos", "");
            assertTrue(inTable.contains(name), "EngineEvent." + field.getName() + " is in no EventField: a new field needs one");
        }
    }

    @Test
    void anOrderEventIsAFractionOfItsSchema2RecordAndReadsBackExactly() {
        EngineEvent fill = fill();
        int length = EventCodec.encode(fill, buffer, 0);
        assertTrue(length <= 80, "a fill with two ids is " + length + " bytes");
        assertTrue(length * 2 < V2_FILL.length() / 2, "schema 2 wrote " + V2_FILL.length() / 2);
        EngineEvent decoded = new EngineEvent();
        assertEquals(length, EventCodec.decode(buffer, 0, decoded));
        assertEquals(EventFields.describe(fill), EventFields.describe(decoded));
        assertEquals(2, EventCodec.accountId(buffer, 0));
    }

    @Test
    void schema2RecordsReadAsTheSameEvents() {
        EngineEvent fill = new EngineEvent();
        UnsafeBuffer v2 = new UnsafeBuffer(HexFormat.of().parseHex(V2_FILL));
        assertEquals(v2.capacity(), EventCodec.decode(v2, 0, fill));
        assertEquals(EventFields.describe(fill()), EventFields.describe(fill));
        assertEquals(2, EventCodec.accountId(v2, 0));

        EngineEvent level = new EngineEvent();
        EventCodec.decode(new UnsafeBuffer(HexFormat.of().parseHex(V2_LEVEL)), 0, level);
        assertEquals(EventType.BOOK_LEVEL, level.type);
        assertEquals(Side.BUY, level.side);
        assertEquals(250_000, level.price);
        assertEquals(30, level.qty);
        assertEquals(9, level.bookSequence);
        assertEquals(-1, level.accountId);
        assertTrue(EventCodec.encode(level, buffer, 0) <= 40, "a book level in schema 3");
    }

    @Test
    void aRecordCutShortOrNamingAnUnknownFieldIsRefused() {
        int length = EventCodec.encode(fill(), buffer, 0);
        buffer.putShort(0, (short) (length - 12), RecordHeader.ORDER);
        assertThrows(JournalFormatException.class, () -> EventCodec.decode(buffer, 0, new EngineEvent()));

        EventCodec.encode(fill(), buffer, 0);
        buffer.putByte(RecordHeader.LENGTH + EventField.BITMAP_BYTES - 1, (byte) 0x80);
        JournalFormatException unknown = assertThrows(JournalFormatException.class, () -> EventCodec.decode(buffer, 0, new EngineEvent()));
        assertTrue(unknown.getMessage().contains("this build knows " + EventField.ALL.length), unknown.getMessage());
    }

    @Test
    void anEventMarkedLastOfItsCommandAfterEncodingIsTheRecordEncodedWithTheFlag() {
        EngineEvent flagged = fill();
        int length = EventCodec.encode(flagged, buffer, 0);
        byte[] expected = new byte[length];
        buffer.getBytes(0, expected);
        EngineEvent notYet = fill();
        notYet.lastOfCommand = false;
        assertEquals(length, EventCodec.encode(notYet, buffer, 100));
        assertTrue(!Arrays.equals(expected, Arrays.copyOfRange(buffer.byteArray(), 100, 100 + length)), "the flag is a bit of the record");

        EventCodec.markLastOfCommand(buffer, 100);

        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(buffer.byteArray(), 100, 100 + length));
    }

    private static EngineEvent fill() {
        EngineEvent e = new EngineEvent().clear();
        e.type = EventType.ORDER_FILLED;
        e.sequence = 42;
        e.eventTimeNanos = 1_700_000_000_123_456_789L;
        e.ingressNanos = 1_700_000_000_123_000_000L;
        e.correlationId = 7;
        e.lastOfCommand = true;
        e.execId = 1001;
        e.orderId = 501;
        e.accountId = 2;
        e.symbolId = 1;
        e.side = Side.SELL;
        e.orderType = OrderType.LIMIT;
        e.timeInForce = TimeInForce.GTC;
        e.stpMode = StpMode.values()[1];
        e.price = 250_050;
        e.qty = 15;
        e.filledQty = 5;
        e.filledNotional = 1_250_250;
        e.createdTimeNanos = 1_700_000_000_000_000_000L;
        e.status = OrderStatus.PARTIALLY_FILLED;
        e.tradeId = 77;
        e.lastPrice = 250_050;
        e.lastQty = 5;
        e.fee = -12;
        e.liquidity = Liquidity.MAKER;
        e.clOrdId.set("abc-1");
        e.requestClOrdId.set("amend-2");
        return e;
    }
}
