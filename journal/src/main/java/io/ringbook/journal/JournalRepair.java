package io.ringbook.journal;

import io.ringbook.journal.codec.JournalFormatException;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ringbook journal repair} does for a stopped engine's data directory: checks
 * every excerpt of both queues and says what recovery would cut (a torn last excerpt,
 * see {@link Journal#cutTornTail}) and what no repair may touch (a damaged excerpt before
 * the last: decided, perhaps answered; restore from a backup). On request it cuts the
 * torn tails, the damaged queues moved aside whole first.
 */
public final class JournalRepair {

    /** The state of one queue: a line for the operator, whether a cut is due, whether it is damaged beyond one. */
    public record Finding(String line, boolean tornTail, boolean damagedBefore) {
    }

    private JournalRepair() {
    }

    /** Reads both queues (read only) and tells what is wrong with each. */
    public static List<Finding> inspect(Path dataDir) {
        try (Journal journal = Journal.openReadOnly(dataDir)) {
            return List.of(inspect(journal.input(), "input journal", dataDir.resolve("journal/input")),
                    inspect(journal.output(), "output journal", dataDir.resolve("journal/output")));
        }
    }

    /**
     * Cuts each queue's torn last excerpt (moving the queue aside whole first); returns a
     * line per cut. Refuses, changing nothing, if an excerpt before the last is damaged.
     */
    public static List<String> repair(Path dataDir) {
        for (Finding finding : inspect(dataDir)) {
            if (finding.damagedBefore()) {
                throw new JournalFormatException(finding.line());
            }
        }
        List<String> done = new ArrayList<>();
        try (Journal journal = Journal.open(dataDir, Durability.POWER_LOSS)) {
            for (boolean input : new boolean[] {true, false}) {
                String cut = journal.cutTornTail(input);
                if (cut != null) {
                    done.add(cut);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut the torn tail in " + dataDir, e);
        }
        return done;
    }

    private static Finding inspect(ChronicleQueue queue, String name, Path where) {
        ExcerptView view = new ExcerptView();
        long damaged = -1;
        String why = null;
        long excerpts = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                try (DocumentContext document = tailer.readingDocument()) {
                    if (!document.isPresent()) {
                        break;
                    }
                    if (damaged >= 0) {
                        return new Finding(name + " (" + where + "): the excerpt at index " + Long.toHexString(damaged)
                                + " is damaged and others follow it (" + why + "): its commands were decided and may have been"
                                + " answered, so no repair cuts it; restore the data directory from a backup", false, true);
                    }
                    excerpts++;
                    try {
                        view.load(document, name);
                    } catch (JournalFormatException broken) {
                        damaged = document.index();
                        why = broken.getMessage();
                    }
                }
            }
        }
        if (damaged >= 0) {
            return new Finding(name + " (" + where + "): the last excerpt (index " + Long.toHexString(damaged) + ") is torn ("
                    + why + "): repair --yes (or the next start) cuts it, the queue kept aside whole", true, false);
        }
        return new Finding(name + " (" + where + "): sound, " + excerpts + " excerpts", false, false);
    }
}
