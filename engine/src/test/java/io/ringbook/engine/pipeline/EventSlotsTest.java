package io.ringbook.engine.pipeline;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.limits.AccountLimits;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbound ring's slots give back every field of every event exactly, whatever the
 * slot held before: found by reflection, so a field added to {@link EngineEvent} and not
 * to the slot's layout fails here rather than in a replay.
 */
class EventSlotsTest {

    private static final List<Field> FIELDS = fields();
    private static final AccountLimits LIMITS = AccountLimits.none(3);

    @Test
    void eachFieldAloneComesBackOverASlotThatHeldEveryFieldSet() throws Exception {
        EventSlots slots = new EventSlots(4);
        SplittableRandom random = new SplittableRandom(17);
        for (Field field : FIELDS) {
            slots.write(1, everyFieldSet(random));
            EngineEvent written = new EngineEvent().clear();
            setOtherThanCleared(written, field, random);
            slots.write(1, written);
            assertSame(written, read(slots, 1), field.getName());
        }
    }

    @Test
    void eventsWithAnyFieldsSetComeBackFromSlotsReusedInTurn() throws Exception {
        EventSlots slots = new EventSlots(8);
        SplittableRandom random = new SplittableRandom(42);
        EngineEvent[] held = new EngineEvent[8];
        for (int round = 0; round < 20_000; round++) {
            int slot = random.nextInt(8);
            EngineEvent written = new EngineEvent().clear();
            for (Field field : FIELDS) {
                if (random.nextInt(3) == 0) {
                    setOtherThanCleared(written, field, random);
                }
            }
            slots.write(slot, written);
            held[slot] = written;
            int other = random.nextInt(8);
            if (held[other] != null) {
                assertSame(held[other], read(slots, other), "round " + round);
            }
        }
    }

    @Test
    void theLastEventOfACommandIsFlaggedWithWhenItWasDecided() throws Exception {
        EventSlots slots = new EventSlots(2);
        EngineEvent written = everyFieldSet(new SplittableRandom(3));
        written.lastOfCommand = false;
        slots.write(0, written);
        assertTrue(!slots.isLastOfCommand(0));
        slots.markLastOfCommand(0, 123_456_789L);
        written.lastOfCommand = true;
        written.decidedNanos = 123_456_789L;
        assertTrue(slots.isLastOfCommand(0));
        assertSame(written, read(slots, 0), "marked");
    }

    private static EngineEvent read(EventSlots slots, int slot) {
        EngineEvent event = everyFieldSet(new SplittableRandom(99));
        slots.read(slot, event);
        return event;
    }

    private static EngineEvent everyFieldSet(SplittableRandom random) {
        EngineEvent event = new EngineEvent().clear();
        try {
            for (Field field : FIELDS) {
                setOtherThanCleared(event, field, random);
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return event;
    }

    /** Sets the field to a value a cleared event does not have. */
    private static void setOtherThanCleared(EngineEvent event, Field field, SplittableRandom random)
            throws ReflectiveOperationException {
        Object cleared = field.get(new EngineEvent().clear());
        Class<?> type = field.getType();
        if (type == long.class) {
            field.setLong(event, random.nextInt(4) == 0 ? Long.MIN_VALUE + random.nextInt(1000) : 1 + random.nextLong(Long.MAX_VALUE));
        } else if (type == int.class) {
            int value = random.nextInt(Integer.MAX_VALUE);
            field.setInt(event, value == (int) cleared ? value + 1 : value);
        } else if (type == boolean.class) {
            field.setBoolean(event, true);
        } else if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            Object value;
            do {
                value = values[random.nextInt(values.length)];
            } while (value == cleared);
            field.set(event, value);
        } else if (type == ClOrdId.class) {
            ClOrdId id = (ClOrdId) field.get(event);
            StringBuilder text = new StringBuilder();
            for (int i = 1 + random.nextInt(ClOrdId.MAX_LENGTH); i > 0; i--) {
                text.append((char) (0x21 + random.nextInt(0x7E - 0x21 + 1)));
            }
            assertTrue(id.set(text));
        } else if (type == AccountLimits.class) {
            field.set(event, LIMITS);
        } else {
            throw new AssertionError("a field of a type the test does not know: " + field);
        }
    }

    private static void assertSame(EngineEvent expected, EngineEvent actual, String context) {
        try {
            for (Field field : FIELDS) {
                Object want = field.get(expected);
                Object got = field.get(actual);
                if (want instanceof ClOrdId id) {
                    assertTrue(id.sameAs((ClOrdId) got), context + ": " + field.getName() + " " + id + " read as " + got);
                } else {
                    assertEquals(want, got, context + ": " + field.getName());
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : EngineEvent.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.add(field);
            }
        }
        return fields;
    }
}
