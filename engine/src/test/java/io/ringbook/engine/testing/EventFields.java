package io.ringbook.engine.testing;

import io.ringbook.engine.event.EngineEvent;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every public field of an event as text, for comparing two runs field by field; the
 * latency stamps (when journaled, when decided) are wall time of one run, not outcome,
 * and are left out.
 */
public final class EventFields {

    private static final Field[] FIELDS = Arrays.stream(EngineEvent.class.getFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .filter(f -> !f.getName().equals("journaledNanos") && !f.getName().equals("decidedNanos"))
            .toArray(Field[]::new);

    private EventFields() {
    }

    public static String describe(EngineEvent event) {
        return Arrays.stream(FIELDS).map(f -> f.getName() + "=" + read(f, event)).collect(Collectors.joining(","));
    }

    private static Object read(Field field, EngineEvent event) {
        try {
            return field.get(event);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
