package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.testing.RandomOrderFlow;

/**
 * A realistic command mix generated once and played in a loop without allocating: a
 * cycle of commands from {@link RandomOrderFlow} ending with a mass cancel per account
 * (so the book returns to empty and the steady state holds for any run length). Each
 * pass shifts the orderIds that cancels and amends name, and the GTD expiries, by what
 * the earlier passes used, so every pass means what the first did. Optionally every new
 * order gets a clOrdId of its own in a client's style ({@link ClOrdIdStyle}), so the
 * logic's duplicate check does its real work on realistic ids.
 */
public final class RecordedFlow implements CommandFlow {

    public static final long NANOS_PER_COMMAND = 1_000;

    private final Command[] commands;
    private final long[] targetIds;
    private final long[] expiries;
    private final long newOrdersPerCycle;
    private final ClOrdIdSource ids;
    private int next;
    private long idOffset;
    private long timeOffset;

    /**
     * @param idStyle the clOrdIds new orders carry, each unique ({@link ClOrdIdStyle#NONE} for
     *                none); the logic keeps each one until its trading day ends
     * @param idsRepeatEvery the ids start over after this many commands (a benchmark's trading day), so they are
     *                formatted only once; 0 for ids unique for the whole run
     */
    public RecordedFlow(long seed, int accounts, int symbolId, int cycleLength, ClOrdIdStyle idStyle, int idsRepeatEvery) {
        this.ids = new ClOrdIdSource(idStyle, idsRepeatEvery);
        RandomOrderFlow flow = new RandomOrderFlow(seed, accounts, symbolId, 10_000);
        commands = new Command[cycleLength];
        targetIds = new long[cycleLength];
        expiries = new long[cycleLength];
        int generated = cycleLength - accounts;
        for (int i = 0; i < generated; i++) {
            commands[i] = flow.next(new Command(), i * NANOS_PER_COMMAND);
            targetIds[i] = commands[i].orderId;
            expiries[i] = commands[i].expireTimeNanos;
        }
        for (int account = 0; account < accounts; account++) {
            commands[generated + account] = new Command().massCancel(account, -1);
        }
        newOrdersPerCycle = flow.newOrders();
    }

    /** The next command, with its ids and times shifted for the current pass; it never ends. */
    @Override
    public Command next() {
        if (next == commands.length) {
            next = 0;
            idOffset += newOrdersPerCycle;
            timeOffset += commands.length * NANOS_PER_COMMAND;
        }
        int i = next++;
        Command command = commands[i];
        if (command.type == CommandType.CANCEL_ORDER || command.type == CommandType.AMEND_ORDER) {
            command.orderId = targetIds[i] + idOffset;
        }
        if (expiries[i] != 0) {
            command.expireTimeNanos = expiries[i] + timeOffset;
        }
        if (!ids.isNone() && command.type == CommandType.NEW_ORDER) {
            ids.write(timeOffset / NANOS_PER_COMMAND + i, command.clOrdId);
        }
        return command;
    }

    public int cycleLength() {
        return commands.length;
    }
}
