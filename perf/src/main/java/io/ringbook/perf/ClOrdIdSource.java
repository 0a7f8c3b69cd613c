package io.ringbook.perf;

import io.ringbook.engine.domain.ClOrdId;

/**
 * The n-th clOrdId of a {@link ClOrdIdStyle}, formatted once: when ids may repeat every
 * {@code period} numbers (a benchmark whose trading day is that many commands), the
 * packed words of each are kept after the first period, so a measurement counts the
 * engine's work on the id, not the formatting. With period 0 every id is formatted.
 */
final class ClOrdIdSource {

    private final ClOrdIdStyle style;
    private final int period;
    private final long[] words;
    private final StringBuilder text = new StringBuilder(ClOrdId.MAX_LENGTH);

    ClOrdIdSource(ClOrdIdStyle style, int period) {
        this.style = style;
        this.period = period;
        this.words = new long[style == ClOrdIdStyle.NONE ? 0 : period * 6];
    }

    boolean isNone() {
        return style == ClOrdIdStyle.NONE;
    }

    void write(long n, ClOrdId id) {
        if (period == 0 || style == ClOrdIdStyle.NONE) {
            style.write(n, id, text);
            return;
        }
        int at = (int) (n % period) * 6;
        if (words[at + 5] == 0) {
            style.write(n % period, id, text);
            for (int i = 0; i < 5; i++) {
                words[at + i] = id.word(i);
            }
            words[at + 5] = id.length();
        }
        id.setWords(words[at], words[at + 1], words[at + 2], words[at + 3], words[at + 4], (int) words[at + 5]);
    }
}
