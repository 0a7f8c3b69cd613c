package io.ringbook.journal.codec;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerState;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventFields;
import io.ringbook.engine.testing.LogicDriver;
import io.ringbook.engine.testing.RandomOrderFlow;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodecRoundTripTest {

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldRoundTripEveryCommandTypeFieldForField() {
        Set<CommandType> seen = EnumSet.noneOf(CommandType.class);
        for (Command original : everyCommandType()) {
            int length = CommandCodec.encode(original, buffer, 7);
            assertTrue(length <= CommandCodec.MAX_LENGTH || original.type == CommandType.SET_LIMITS);
            assertEquals(length, RecordHeader.length(buffer, 7));
            Command decoded = new Command();
            assertEquals(length, CommandCodec.decode(buffer, 7, decoded));
            assertEquals(describe(original), describe(decoded));
            assertEquals(original.correlationId, CommandCodec.correlationId(buffer, 7));
            assertEquals(original.accountId, CommandCodec.accountId(buffer, 7));
            seen.add(decoded.type);
        }
        assertEquals(EnumSet.allOf(CommandType.class), seen);
    }

    @Test
    void shouldRoundTripTheExtremesOfEveryNumber() {
        for (long value : new long[]{Long.MIN_VALUE, -1, 0, 63, 64, 127, 128, Long.MAX_VALUE}) {
            for (Command original : everyCommandType()) {
                original.correlationId = value;
                original.accountId = (int) value;
                switch (original.type) {
                    case NEW_ORDER -> {
                        original.symbolId = (int) (value >> 32);
                        original.price = value;
                        original.qty = value;
                        original.expireTimeNanos = value;
                        original.origin = value;
                    }
                    case CANCEL_ORDER -> original.orderId = value;
                    case AMEND_ORDER -> {
                        original.orderId = value;
                        original.price = value;
                        original.qty = value;
                    }
                    case MASS_CANCEL, HALT_SYMBOL, RESUME_SYMBOL, TRIP_BREAKER, RESET_BREAKER -> original.symbolId = (int) value;
                    case CANCEL_ALL_AFTER -> original.timeoutNanos = value;
                    case CANCEL_ON_DISCONNECT -> original.origin = value;
                    default -> {
                    }
                }
                int length = CommandCodec.encode(original, buffer, 0);
                assertTrue(length <= CommandCodec.MAX_LENGTH || original.type == CommandType.SET_LIMITS);
                Command decoded = new Command();
                assertEquals(length, CommandCodec.decode(buffer, 0, decoded));
                assertEquals(describe(original), describe(decoded), "at " + value);
            }
        }
    }

    @Test
    void shouldWriteAnAmendOfTheAmendHeavyFlowInAboutTwoThirdsOfTheFixedLayout() {
        Command amend = new Command().amend(57, 0, 10_123, 40);
        amend.sequence = 9_000_000;
        amend.eventTimeNanos = 1_764_460_000_000_000_000L;
        amend.ingressNanos = amend.eventTimeNanos - 3_000;
        amend.correlationId = 8_765_432;
        amend.clOrdId.set("c2345678");
        amend.origClOrdId.set("c2345601");
        int compact = CommandCodec.encode(amend, buffer, 0);
        assertEquals(82, OlderCommandRecords.write(amend, buffer, 0, 3));
        assertEquals(56, compact, "20 header, 8 ingress, 4 correlation, 1 account, 1 order id, 3 price, 1 qty, 2 x 9 ids");
    }

    @Test
    void shouldReadTheFixedRecordsOfVersions2And3() {
        for (Command original : everyCommandType()) {
            int length = OlderCommandRecords.write(original, buffer, 5, 3);
            Command decoded = new Command();
            assertEquals(length, CommandCodec.decode(buffer, 5, decoded));
            assertEquals(describe(original), describe(decoded));
            assertEquals(original.correlationId, CommandCodec.correlationId(buffer, 5));
            assertEquals(original.accountId, CommandCodec.accountId(buffer, 5));
        }
        Command order = new Command().newOrder(3, 2, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 12_345, 678);
        order.clOrdId.set("v2-order");
        order.origin = 5;
        assertEquals(0, asVersion2(order).origin, "a version 2 order has no origin");
        assertEquals("v2-order", asVersion2(order).clOrdId.toString());
        assertEquals(0, asVersion2(new Command().cancelOnDisconnect(1, 5)).origin,
                "a version 2 cancel-on-disconnect cancels all of the account's orders, as it did");
    }

    @Test
    void shouldRefuseARecordWhoseFieldsDoNotEndAtItsLength() {
        Command amend = new Command().amend(2, 77, 101, 0);
        amend.clOrdId.set("c-3");
        amend.origClOrdId.set("c-1");
        int length = CommandCodec.encode(amend, buffer, 0);
        buffer.putShort(0, (short) (length + 1), RecordHeader.ORDER);
        JournalFormatException longer = assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertTrue(longer.getMessage().contains("AMEND_ORDER of " + (length + 1) + " bytes holds " + length), longer.getMessage());
        buffer.putShort(0, (short) (RecordHeader.LENGTH + 8), RecordHeader.ORDER);
        JournalFormatException cut = assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertTrue(cut.getMessage().contains("field correlationId is cut short"), cut.getMessage());

        int tick = CommandCodec.encode(new Command().clockTick(), buffer, 0);
        buffer.putByte(tick, buffer.getByte(tick - 1)); // the account one byte on, the correlation id 0 written in two
        buffer.putByte(tick - 2, (byte) 0x80);
        buffer.putByte(tick - 1, (byte) 0);
        buffer.putShort(0, (short) (tick + 1), RecordHeader.ORDER);
        JournalFormatException padded = assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertTrue(padded.getMessage().contains("field correlationId has a varint longer than its value"), padded.getMessage());
    }

    @Test
    void shouldRoundTripClOrdIdsOfEveryLengthAndTheIntExtremes() {
        StringBuilder chars = new StringBuilder();
        for (int length = 0; length <= 36; length++) {
            Command amend = new Command().amend(Integer.MAX_VALUE, 5, 6, 7);
            amend.clOrdId.set(chars.toString());
            amend.origClOrdId.set(new StringBuilder(chars).reverse().toString());
            Command decoded = new Command();
            assertEquals(CommandCodec.encode(amend, buffer, 3), CommandCodec.decode(buffer, 3, decoded));
            assertEquals(describe(amend), describe(decoded), "ids of " + length);
            chars.append((char) ('!' + 2 * length));
        }
        for (int value : new int[]{Integer.MIN_VALUE, -1, Integer.MAX_VALUE}) {
            Command halt = new Command().haltSymbol(value, true);
            halt.accountId = value;
            Command decoded = new Command();
            CommandCodec.encode(halt, buffer, 0);
            CommandCodec.decode(buffer, 0, decoded);
            assertEquals(describe(halt), describe(decoded));
        }
    }

    @Test
    void shouldRefuseEveryCutShortRecordAsAJournalFormatException() {
        for (Command original : everyCommandType()) {
            int length = CommandCodec.encode(original, buffer, 0);
            for (int cut = RecordHeader.LENGTH; cut < length; cut++) {
                UnsafeBuffer exact = new UnsafeBuffer(new byte[cut]);
                exact.putBytes(0, buffer, 0, cut);
                exact.putShort(0, (short) cut, RecordHeader.ORDER);
                assertThrows(JournalFormatException.class, () -> CommandCodec.decode(exact, 0, new Command()),
                        original.type + " cut to " + cut);
            }
        }
    }

    @Test
    void shouldRefuseLimitsThatDoNotFillTheirRecordAndUnknownOrderFlags() {
        int limits = CommandCodec.encode(new Command().setLimits(1, sampleLimits()), buffer, 0);
        buffer.putShort(0, (short) (limits + 1), RecordHeader.ORDER);
        JournalFormatException longer = assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertTrue(longer.getMessage().contains("SET_LIMITS of " + (limits + 1) + " bytes holds " + limits), longer.getMessage());

        Command order = new Command().newOrder(0, 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1);
        CommandCodec.encode(order, buffer, 0);
        int flags = RecordHeader.LENGTH + 8 + 3 + 4; // after the ingress time, three one-byte numbers and the four enums
        buffer.putByte(flags, (byte) 0x08);
        JournalFormatException unknown = assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertTrue(unknown.getMessage().contains("unknown flags 8"), unknown.getMessage());

        order.expireTimeNanos = 1_700_000_000_000_000_000L;
        CommandCodec.encode(order, buffer, 0);
        buffer.putLong(flags + 3, 0, RecordHeader.ORDER); // after the flags, a one-byte price and quantity: the expire time
        JournalFormatException zero = assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertTrue(zero.getMessage().contains("expireTimeNanos is flagged but 0"), zero.getMessage());

        CommandCodec.encode(new Command().setLimits(1, null), buffer, 0);
        buffer.putInt(RecordHeader.LENGTH + 8 + 2, -2, RecordHeader.ORDER); // after the ingress time and two one-byte numbers
        assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
    }

    @Test
    void shouldWriteAClOrdIdsBytesAndNoOthers() {
        StringBuilder chars = new StringBuilder();
        for (int length = 0; length <= 36; length++) {
            Command command = new Command();
            command.clOrdId.set(chars.toString());
            UnsafeBuffer exact = new UnsafeBuffer(new byte[3 + 1 + length + 3]);
            exact.setMemory(0, exact.capacity(), (byte) 0x5A);
            assertEquals(1 + length, Fields.putClOrdId(exact, 3, command.clOrdId));
            byte[] expected = new byte[exact.capacity()];
            Arrays.fill(expected, (byte) 0x5A);
            expected[3] = (byte) length;
            for (int i = 0; i < length; i++) {
                expected[4 + i] = (byte) chars.charAt(i);
            }
            byte[] written = new byte[exact.capacity()];
            exact.getBytes(0, written);
            assertEquals(Arrays.toString(expected), Arrays.toString(written), "an id of " + length);
            chars.append((char) ('0' + length % 10));
        }
    }

    @Test
    void shouldRefuseAVarintBeyond64Bits() {
        Command tick = new Command().clockTick();
        CommandCodec.encode(tick, buffer, 0);
        byte[] overlong = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, 0x02};
        buffer.putBytes(RecordHeader.LENGTH + 8, overlong);
        buffer.putByte(RecordHeader.LENGTH + 8 + overlong.length, (byte) 0);
        buffer.putShort(0, (short) (RecordHeader.LENGTH + 8 + overlong.length + 1), RecordHeader.ORDER);
        JournalFormatException refused = assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertTrue(refused.getMessage().contains("field correlationId has a varint beyond 64 bits"), refused.getMessage());
        assertThrows(JournalFormatException.class, () -> CommandCodec.correlationId(buffer, 0));
    }

    @Test
    void shouldReadOneFieldOnlyFromAnEventRecordOfAKnownSchema() {
        EngineEvent event = riskEvent(EventType.SNAPSHOT_TAKEN);
        event.ingressNanos = event.eventTimeNanos - 5;
        EventCodec.encode(event, buffer, 0);
        assertTrue(EventCodec.lastOfCommand(buffer, 0));
        assertEquals(event.ingressNanos, EventCodec.ingressNanos(buffer, 0));
        buffer.putByte(3, (byte) (EventCodec.SCHEMA_VERSION + 1));
        assertThrows(JournalFormatException.class, () -> EventCodec.lastOfCommand(buffer, 0));
        assertThrows(JournalFormatException.class, () -> EventCodec.ingressNanos(buffer, 0));
        CommandCodec.encode(new Command().clockTick(), buffer, 0);
        assertThrows(JournalFormatException.class, () -> EventCodec.ingressNanos(buffer, 0));
    }

    @Test
    void shouldReadOneFieldOnlyFromACommandRecordOfAKnownSchema() {
        CommandCodec.encode(new Command().clockTick(), buffer, 0);
        buffer.putByte(3, (byte) 0);
        assertThrows(JournalFormatException.class, () -> CommandCodec.correlationId(buffer, 0));
        buffer.putByte(3, (byte) (CommandCodec.SCHEMA_VERSION + 1));
        assertThrows(JournalFormatException.class, () -> CommandCodec.accountId(buffer, 0));
    }

    /** The command as a version 2 writer wrote it (no origin), decoded by this build. */
    private Command asVersion2(Command command) {
        int length = OlderCommandRecords.write(command, buffer, 0, 2);
        Command decoded = new Command();
        assertEquals(length, CommandCodec.decode(buffer, 0, decoded));
        return decoded;
    }

    /** One command of each type, every field its type uses set, each with its own sequence, times and correlation. */
    private static List<Command> everyCommandType() {
        List<Command> commands = new ArrayList<>();
        Command order = new Command().newOrder(3, 2, Side.SELL, OrderType.LIMIT, TimeInForce.GTD, 12_345, 678);
        order.stpMode = StpMode.CANCEL_BOTH;
        order.postOnly = true;
        order.expireTimeNanos = 1_700_000_000_123_456_789L;
        order.clOrdId.set("client-order-0123456789-abcdefghijkl");
        order.origin = 1_764_460_000_000_000_007L;
        commands.add(order);
        Command plain = new Command().newOrder(1, 0, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 5);
        plain.clOrdId.set("ORD00000001");
        commands.add(plain);
        Command cancel = new Command().cancel(1, 99);
        cancel.clOrdId.set("c-2");
        cancel.origClOrdId.set("client-order-0123456789-abcdefghijkl");
        commands.add(cancel);
        Command amend = new Command().amend(2, 77, 101, 0);
        amend.clOrdId.set("c-3");
        amend.origClOrdId.set("c-1");
        commands.add(amend);
        commands.add(new Command().massCancel(0, -1));
        commands.add(new Command().cancelAllAfter(1, 60_000_000_000L));
        commands.add(new Command().clockTick());
        commands.add(new Command().snapshot());
        commands.add(new Command().haltSymbol(2, true));
        commands.add(new Command().haltSymbol(1, false));
        commands.add(new Command().breaker(BreakerKind.VOLATILITY, 2, true));
        commands.add(new Command().breaker(BreakerKind.REJECT_STORM, 3, false));
        commands.add(new Command().killSwitch(-1, true));
        commands.add(new Command().killSwitch(2, false));
        commands.add(new Command().setLimits(1, sampleLimits()));
        commands.add(new Command().cancelOnDisconnect(2, 1_764_460_000_000_000_007L));
        long sequence = 1;
        for (Command command : commands) {
            command.sequence = sequence++;
            command.eventTimeNanos = 1_700_000_000_000_000_000L + sequence;
            command.correlationId = 40 + sequence;
            command.ingressNanos = 1_699_999_999_999_999_000L + sequence;
        }
        return commands;
    }

    @Test
    void shouldRoundTripEveryEventTypeFieldForField() {
        LogicDriver engine = new LogicDriver();
        RandomOrderFlow flow = new RandomOrderFlow(9, DemoMarket.ACCOUNTS, DemoMarket.TEST, 300);
        Command command = new Command();
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        List<EngineEvent> events = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            engine.advanceNanos(200_000_000L);
            events.addAll(engine.send(flow.next(command, engine.now())));
        }
        events.addAll(engine.send(engine.command().cancelAllAfter(0, 1)));
        events.addAll(engine.send(engine.command().snapshot()));
        events.addAll(riskEvents());
        events.add(olderBookLevel());
        for (EngineEvent original : events) {
            int length = EventCodec.encode(original, buffer, 3);
            assertTrue(length <= EventCodec.MAX_LENGTH || original.type == EventType.LIMITS_CHANGED);
            EngineEvent decoded = new EngineEvent();
            assertEquals(length, EventCodec.decode(buffer, 3, decoded));
            assertEquals(EventFields.describe(original), EventFields.describe(decoded));
            seen.add(decoded.type);
        }
        assertEquals(EnumSet.allOf(EventType.class), seen);
    }

    @Test
    void shouldRefuseUnknownTypesNewerVersionsAndOutOfRangeValues() {
        int length = CommandCodec.encode(new Command().clockTick(), buffer, 0);
        buffer.putByte(3, (byte) (CommandCodec.SCHEMA_VERSION + 1));
        JournalFormatException newer = assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertTrue(newer.getMessage().contains("schema version " + (CommandCodec.SCHEMA_VERSION + 1)), newer.getMessage());

        buffer.putByte(3, (byte) CommandCodec.SCHEMA_VERSION);
        buffer.putByte(2, (byte) 200);
        JournalFormatException unknown = assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertTrue(unknown.getMessage().contains("unknown record type code 200"), unknown.getMessage());

        CommandCodec.encode(new Command().newOrder(0, 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1), buffer, 0);
        buffer.putByte(RecordHeader.LENGTH + 8 + 3, (byte) 9); // the side, after the ingress time and three one-byte numbers
        assertThrows(JournalFormatException.class, () -> CommandCodec.decode(buffer, 0, new Command()));
        assertThrows(JournalFormatException.class, () -> EventCodec.decode(buffer, 0, new EngineEvent()));
        assertTrue(length > 0);
    }

    private static List<EngineEvent> riskEvents() {
        EngineEvent breaker = riskEvent(EventType.BREAKER_CHANGED);
        breaker.breakerKind = BreakerKind.VOLATILITY;
        breaker.breakerState = BreakerState.HALF_OPEN;
        breaker.symbolId = 1;
        breaker.count = 3;
        breaker.createdTimeNanos = 1_700_000_000_000_000_001L;
        breaker.expireTimeNanos = 1_700_000_120_000_000_001L;
        breaker.healthScore = 97;
        EngineEvent halt = riskEvent(EventType.SYMBOL_STATUS);
        halt.symbolId = 2;
        halt.active = true;
        EngineEvent kill = riskEvent(EventType.KILL_SWITCH_CHANGED);
        kill.accountId = -1;
        kill.active = true;
        kill.count = 12;
        EngineEvent limits = riskEvent(EventType.LIMITS_CHANGED);
        limits.accountId = 2;
        limits.limits = sampleLimits();
        return List.of(breaker, halt, kill, limits, riskEvent(EventType.CONTROL_REJECTED));
    }

    /** A market-data event as engines before schema 4 wrote them: still read from older journals. */
    private static EngineEvent olderBookLevel() {
        EngineEvent level = riskEvent(EventType.BOOK_LEVEL);
        level.symbolId = 0;
        level.side = Side.SELL;
        level.price = 101;
        level.qty = 7;
        level.bookSequence = 4_242;
        return level;
    }

    private static EngineEvent riskEvent(EventType type) {
        EngineEvent e = new EngineEvent().clear();
        e.type = type;
        e.sequence = 77;
        e.eventTimeNanos = 1_700_000_000_000_000_077L;
        e.correlationId = 5;
        e.lastOfCommand = true;
        return e;
    }

    private static AccountLimits sampleLimits() {
        return new AccountLimits(new PerSymbolLimit(1_000, new long[]{PerSymbolLimit.INHERIT, 5, 0}),
                PerSymbolLimit.uniform(AccountLimits.UNLIMITED, 3), 10, 20, 4_000, 30, 40, 50, 60, AccountLimits.UNLIMITED);
    }

    private static String describe(Command c) {
        return c.type + "," + c.sequence + "," + c.eventTimeNanos + "," + c.correlationId + "," + c.ingressNanos + ","
                + c.accountId + "," + c.symbolId + "," + c.side + "," + c.orderType + "," + c.timeInForce + "," + c.stpMode
                + "," + c.postOnly + "," + c.price + "," + c.qty + "," + c.expireTimeNanos + "," + c.orderId + ","
                + c.timeoutNanos + "," + c.clOrdId + "," + c.origClOrdId + "," + c.breakerKind + "," + c.limits + "," + c.origin;
    }
}
