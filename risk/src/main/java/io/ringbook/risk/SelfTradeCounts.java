package io.ringbook.risk;

import io.ringbook.engine.state.StateBuffer;

/**
 * Orders of each account that self-trade prevention canceled, counted on the logic
 * thread and published on the {@link RiskBoard}: a figure operators watch to find an
 * account trading against itself. Part of the risk state, so a restart keeps it.
 */
final class SelfTradeCounts {

    private final long[] counts;
    private final RiskBoard board;

    SelfTradeCounts(int accounts, RiskBoard board) {
        this.counts = new long[accounts];
        this.board = board;
    }

    void prevented(int account) {
        counts[account]++;
        board.selfTradeCancels(account, counts[account]);
    }

    void writeTo(int account, StateBuffer out) {
        out.putLong(counts[account]);
    }

    void readFrom(int account, StateBuffer in) {
        counts[account] = in.getLong();
        board.selfTradeCancels(account, counts[account]);
    }
}
