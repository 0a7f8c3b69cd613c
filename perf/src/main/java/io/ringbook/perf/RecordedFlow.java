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
 * order gets a clOrdId of its own, so the logic's duplicate check does its real work.
 */
public final class RecordedFlow implements CommandFlow {

    public static final long NANOS_PER_COMMAND = 1_000;

    private final Command[] commands;
    private final long[] targetIds;
    private final long[] expiries;
    private final long newOrdersPerCycle;
    private final boolean withClOrdIds;
    private int next;
    private long idOffset;
    private long timeOffset;

    /**
     * @param withClOrdIds give every new order a clOrdId of its own; the logic then keeps
     *                     each one until its trading day ends, so use it only where event
     *                     time rolls days (a pipeline stamping wall-clock time at millions of
     *                     orders a second would hold them all)
     */
    public RecordedFlow(long seed, int accounts, int symbolId, int cycleLength, boolean withClOrdIds) {
        this.withClOrdIds = withClOrdIds;
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
        if (withClOrdIds && command.type == CommandType.NEW_ORDER) {
            // every order carries a clOrdId unique for the day, as a client's would: the pass and the
            // position packed straight into the id's words (16 bytes), so nothing is allocated
            command.clOrdId.setWords(idOffset + 1, i + 1L, 0, 0, 0, 16);
        }
        return command;
    }

    public int cycleLength() {
        return commands.length;
    }
}
