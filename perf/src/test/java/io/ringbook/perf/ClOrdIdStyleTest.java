package io.ringbook.perf;

import io.ringbook.engine.domain.ClOrdId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The amend-heavy flow's packed {@code c<row>} ids are exactly the ids the formatted style makes. */
class ClOrdIdStyleTest {

    @Test
    void aPackedRowIdIsTheFormattedOne() {
        ClOrdId packed = new ClOrdId();
        ClOrdId formatted = new ClOrdId();
        StringBuilder text = new StringBuilder();
        long[] rows = {0, 7, 9, 10, 99, 1_000, 1_234_567, 12_345_678, 9_999_999_999L, 123_456_789_012_345L, Long.MAX_VALUE};
        for (long n : rows) {
            ClOrdIdStyle.writeRow(n, packed);
            ClOrdIdStyle.ROW.write(n, formatted, text);
            assertEquals(formatted.length(), packed.length(), "length of row " + n);
            for (int w = 0; w < 5; w++) {
                assertEquals(formatted.word(w), packed.word(w), "word " + w + " of row " + n);
            }
        }
    }
}
