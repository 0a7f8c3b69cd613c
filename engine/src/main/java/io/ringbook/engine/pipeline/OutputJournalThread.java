package io.ringbook.engine.pipeline;

import java.util.Locale;

/**
 * Which thread writes the output journal. On a machine with few cores every consumer
 * thread of the outbound ring costs a wake-up per batch and a second read of every slot
 * from the other core's cache, so there the journal follows the edges on the outbound
 * thread ({@link #FOLLOWING}): after each of the edges' batches, once the replies are
 * handed out and the listeners have ended the batch, that thread journals the same
 * events, still in its cache; the journal keeps its own sequence, and its thread stays
 * parked until the edges are cut off, then takes over. The price: an append that blocks
 * (a stalled disk) holds the edges and the replies of the following batches for as long
 * as it blocks, where a thread of its own ({@link #OWN}) lets them run on until the ring
 * fills. From {@value #OWN_FROM_CORES} cores the journal has a thread of its own.
 */
public enum OutputJournalThread {
    /** A thread of its own, reading the ring independently of the edges. */
    OWN,
    /** Followed on the outbound (edges') thread after each batch's replies and edges. */
    FOLLOWING;

    /** Cores from which the output journal gets a thread of its own. */
    public static final int OWN_FROM_CORES = 4;

    /** The choice for a machine with {@code cores} cores. */
    public static OutputJournalThread forCores(int cores) {
        return cores >= OWN_FROM_CORES ? OWN : FOLLOWING;
    }

    /** Parses {@code own} or {@code following} (any case); anything else is refused naming both. */
    public static OutputJournalThread parse(String name) {
        for (OutputJournalThread choice : values()) {
            if (choice.name().equalsIgnoreCase(name.trim())) {
                return choice;
            }
        }
        throw new IllegalArgumentException("must be own or following, not '" + name + "'");
    }

    /** The name as configured: {@code own}, {@code following}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
