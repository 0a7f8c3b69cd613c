package io.ringbook.engine.logic;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventFields;
import io.ringbook.engine.testing.RandomOrderFlow;
import io.ringbook.engine.testing.RecordingSink;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logic writes every field of every event it reports, whatever the slot it is handed
 * held before (a ring slot holds an older event; the ring's logic writes order events
 * without clearing their order state first): a sink that hands out slots with every field
 * set to something else records the same events as one that hands out fresh ones. A
 * field an event writer missed would carry the junk into the outbound ring and the output
 * journal, and replay would no longer reproduce it.
 */
class DirtySlotTest {

    @Test
    void shouldReportTheSameEventsIntoSlotsHoldingJunk() {
        RecordingSink clean = new RecordingSink();
        JunkSlots junk = new JunkSlots();
        BusinessLogic cleanLogic = new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, clean, 256);
        BusinessLogic junkLogic = new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, junk, 256);
        RandomOrderFlow flow = new RandomOrderFlow(23, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1_000).withClOrdIds();
        Command command = new Command();
        Command copy = new Command();
        long now = 1_700_000_000_000_000_000L;
        for (int sequence = 1; sequence <= 20_000; sequence++) {
            now += 1_000_000L;
            flow.next(command, now);
            command.sequence = sequence;
            command.eventTimeNanos = now;
            copy.copyFrom(command);
            cleanLogic.process(command);
            junkLogic.process(copy);
        }
        List<EngineEvent> expected = clean.events();
        assertEquals(expected.size(), junk.events.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(EventFields.describe(expected.get(i)), EventFields.describe(junk.events.get(i)), "event " + i);
        }
        assertTrue(expected.size() > 20_000, "the flow reported events of every kind");
    }

    /** Hands the logic a slot whose every field holds junk, and records what the logic made of it. */
    private static final class JunkSlots implements EventSink {

        final List<EngineEvent> events = new ArrayList<>();
        private final EngineEvent slot = new EngineEvent();

        @Override
        public EngineEvent claim(EngineEvent scratch) {
            fillWithJunk(slot);
            return slot;
        }

        @Override
        public void onEvent(EngineEvent event) {
            assertSame(slot, event, "the event is written into the slot handed out");
            events.add(event.copy());
        }

        @Override
        public void onCommandEnd(long sequence) {
            if (!events.isEmpty() && events.get(events.size() - 1).sequence == sequence) {
                events.get(events.size() - 1).lastOfCommand = true;
            }
        }

        private static void fillWithJunk(EngineEvent event) {
            for (Field field : EngineEvent.class.getFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    Class<?> type = field.getType();
                    if (type == long.class) {
                        field.setLong(event, 7_777);
                    } else if (type == int.class) {
                        field.setInt(event, 77);
                    } else if (type == boolean.class) {
                        field.setBoolean(event, !field.getName().equals("lastOfCommand"));
                    } else if (type.isEnum()) {
                        Object[] constants = type.getEnumConstants();
                        field.set(event, constants[constants.length - 1]);
                    } else if (type == ClOrdId.class) {
                        ((ClOrdId) field.get(event)).set("junk-junk-junk");
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
