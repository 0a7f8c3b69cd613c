package io.ringbook.engine.domain;

import java.math.BigDecimal;

/**
 * How a refusal quotes what a client sent: at most {@link #MAX_QUOTED} characters of it,
 * on one line. Every message that echoes client input goes through here, so a few bytes
 * of input can never become megabytes of answer or of log: {@code 1e-99999999} spelled
 * out in full is a hundred million characters, and a 60 KB field name would be echoed
 * whole. Numbers are quoted as written in scientific notation, never expanded.
 */
public final class ClientText {

    /** Enough to recognise a value, too little to amplify one. */
    public static final int MAX_QUOTED = 40;

    private ClientText() {
    }

    /** {@code text} as sent, cut to {@link #MAX_QUOTED} characters (then "..."), control characters as '?'. */
    public static String quote(CharSequence text) {
        if (text == null) {
            return "null";
        }
        int shown = Math.min(text.length(), MAX_QUOTED);
        StringBuilder quoted = new StringBuilder(shown + 3);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            quoted.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX_QUOTED ? quoted.append("...").toString() : quoted.toString();
    }

    /** A decimal the client sent, in the short scientific form when it has an exponent ({@code 1E-99999999}). */
    public static String quote(BigDecimal value) {
        return quote(value.toString());
    }
}
