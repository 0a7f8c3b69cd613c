package io.ringbook.cluster;

import io.ringbook.engine.command.Command;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The commands nobody waits for (FIX orders, cancel-on-disconnect) that a gateway's client
 * took and has not yet seen decided, in the order taken, and how many of the first of them
 * the current leader has been offered. A command leaves only when its own command frame
 * comes back by egress, whatever batch it travelled in: a batch is one log entry, in the
 * log whole or not at all, but its frames may reach the gateway in parts around a leader's
 * death. After a new leader the frames the fallen one decided are applied first (the
 * resend), so what is still kept then is exactly what no leader decided, and it is offered
 * again, in order, before anything newer: none lost, none doubled. Agent thread only.
 */
final class KeptCommands {

    /** Offered to the current leader, oldest first. */
    private final ArrayDeque<Command> offered = new ArrayDeque<>();
    /** Not yet offered to the current leader, oldest first; all taken after those in {@link #offered}. */
    private final ArrayDeque<Command> waiting = new ArrayDeque<>();

    /** Keeps a command just taken, after all kept ones. */
    void keep(Command command) {
        waiting.addLast(command);
    }

    /** The kept commands the current leader has not been offered yet, in order. */
    Iterator<Command> notOffered() {
        return waiting.iterator();
    }

    /** The leader took the next {@code count} of {@link #notOffered()}. */
    void offered(int count) {
        for (int i = 0; i < count; i++) {
            offered.addLast(waiting.removeFirst());
        }
    }

    /** A new leader or connection: it has been offered nothing yet. */
    void newLeader() {
        while (!offered.isEmpty()) {
            waiting.addFirst(offered.removeLast());
        }
    }

    /** The command with this correlation id was decided: kept no longer. False if it was not kept (an awaited one). */
    boolean decided(long correlationId) {
        return remove(offered, correlationId) || remove(waiting, correlationId);
    }

    /** Removes the command from {@code commands}, found from the oldest (commands are decided in the order offered). */
    private static boolean remove(ArrayDeque<Command> commands, long correlationId) {
        Iterator<Command> each = commands.iterator();
        while (each.hasNext()) {
            if (each.next().correlationId == correlationId) {
                each.remove();
                return true;
            }
        }
        return false;
    }

    int size() {
        return offered.size() + waiting.size();
    }

    /** The oldest kept command, or null. */
    Command first() {
        return offered.isEmpty() ? waiting.peekFirst() : offered.peekFirst();
    }
}
