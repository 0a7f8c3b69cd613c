package io.ringbook.app;

import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.journal.codec.RecordType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Option values the commands read as text and parse themselves, so that a wrong one is
 * refused with a {@link CommandLineError} naming the option, the value and what is
 * accepted.
 */
final class OptionValues {

    private OptionValues() {
    }

    /** An event time: ISO-8601 UTC with its {@code Z} ({@code 2026-11-30T09:00:00Z}), or epoch nanoseconds. */
    static long time(String option, String text, long absent) {
        if (text == null) {
            return absent;
        }
        try {
            return EventTime.parse(text);
        } catch (RuntimeException e) {
            throw new CommandLineError(option + " " + ClientText.quote(text) + " is not a time: give ISO-8601 UTC with a Z, "
                    + "e.g. 2026-11-30T09:00:00Z (a date alone: 2026-11-30T00:00:00Z), or epoch nanoseconds");
        }
    }

    /** Journal record types, each option value a name or a comma-separated list of names, case and dashes as you like. */
    static Set<RecordType> recordTypes(String option, List<String> names) {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        for (String name : names) {
            try {
                types.add(RecordType.parse(name));
            } catch (IllegalArgumentException e) {
                throw new CommandLineError(option + " " + ClientText.quote(name) + " is not a journal record type; one of: "
                        + Arrays.stream(RecordType.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return types;
    }
}
