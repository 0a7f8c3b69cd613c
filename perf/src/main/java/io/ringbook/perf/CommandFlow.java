package io.ringbook.perf;

import io.ringbook.engine.command.Command;

/** Where a load run's commands come from: the generated mix, or an order file played once. */
interface CommandFlow {

    /** The next command to publish (copied into the ring, so it may be reused), or null when the flow has ended. */
    Command next();
}
