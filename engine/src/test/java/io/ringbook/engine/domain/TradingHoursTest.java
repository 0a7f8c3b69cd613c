package io.ringbook.engine.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradingHoursTest {

    private static long at(String iso) {
        Instant instant = Instant.parse(iso);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Test
    void shouldBeOpenOnlyInsideTheSessionOnItsDays() {
        TradingHours hours = TradingHours.parse("MON-FRI 14:30-21:00");
        assertTrue(hours.isOpen(at("2026-11-23T14:30:00Z")), "Monday at the open");
        assertTrue(hours.isOpen(at("2026-11-23T20:59:59.999999999Z")), "Monday just before the close");
        assertFalse(hours.isOpen(at("2026-11-23T21:00:00Z")), "the close is exclusive");
        assertFalse(hours.isOpen(at("2026-11-23T14:29:59.999999999Z")), "before the open");
        assertFalse(hours.isOpen(at("2026-11-22T15:00:00Z")), "Sunday");
        assertTrue(hours.isOpen(at("2026-11-27T15:00:00Z")), "Friday");
        assertFalse(hours.isOpen(at("2026-11-28T15:00:00Z")), "Saturday");
        assertTrue(hours.isOpen(at("1970-01-01T15:00:00Z")), "epoch day 0 was a Thursday");
        assertFalse(hours.isOpen(at("1969-12-28T15:00:00Z")), "a Sunday before the epoch");
    }

    @Test
    void shouldEndTheSessionAtTheCloseOfTheDayAndAtMidnightAroundTheClock() {
        assertEquals(at("2026-11-23T21:00:00Z"), TradingHours.parse("MON-FRI 14:30-21:00").sessionEnd(at("2026-11-23T15:00:00Z")));
        assertEquals(at("2026-11-24T00:00:00Z"), TradingHours.ALWAYS.sessionEnd(at("2026-11-23T15:00:00Z")));
        assertTrue(TradingHours.ALWAYS.isOpen(at("2026-11-28T03:00:00Z")));
    }

    @Test
    void shouldPrintWhatItParses() {
        for (String text : new String[]{"24/7", "MON-FRI 14:30-21:00", "MON,WED,FRI-SUN 00:00-24:00", "SAT 10:05-10:06"}) {
            assertEquals(text, TradingHours.parse(text).toString());
        }
        assertEquals("MON-WED 09:00-17:00", TradingHours.parse("mon,tue,wed 09:00-17:00").toString());
    }

    @Test
    void shouldRefuseMalformedHours() {
        for (String text : new String[]{"always", "MON-FRI", "XYZ 09:00-17:00", "FRI-MON 09:00-17:00", "MON 17:00-09:00",
                "MON 9:00-17:00", "MON 09:00-25:00", "MON 09:60-10:00", "MON 09:00", "MON-TUE-WED 09:00-10:00"}) {
            assertThrows(IllegalArgumentException.class, () -> TradingHours.parse(text), text);
        }
    }
}
