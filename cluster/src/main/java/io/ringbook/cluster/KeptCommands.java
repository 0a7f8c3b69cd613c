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

    private final ArrayDeque<Command> kept = new ArrayDeque<>();
    private int offered;

    /** Keeps a command just taken, after all kept ones. */
    void keep(Command command) {
        kept.addLast(command);
    }

    /** The kept commands the current leader has not been offered yet, in order. */
    Iterator<Command> notOffered() {
        Iterator<Command> commands = kept.iterator();
        for (int skip = 0; skip < offered && commands.hasNext(); skip++) {
            commands.next();
        }
        return commands;
    }

    /** The leader took the next {@code count} of {@link #notOffered()}. */
    void offered(int count) {
        offered += count;
    }

    /** A new leader or connection: it has been offered nothing yet. */
    void newLeader() {
        offered = 0;
    }

    /** The command with this correlation id was decided: kept no longer. False if it was not kept (an awaited one). */
    boolean decided(long correlationId) {
        Iterator<Command> commands = kept.iterator();
        for (int index = 0; commands.hasNext(); index++) {
            if (commands.next().correlationId == correlationId) {
                commands.remove();
                if (index < offered) {
                    offered--;
                }
                return true;
            }
        }
        return false;
    }

    int size() {
        return kept.size();
    }

    /** The oldest kept command, or null. */
    Command first() {
        return kept.peekFirst();
    }
}
