package io.ringbook.gateway.rest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The stream's channels as numbers (a symbol's book, ticker and trades; one orders
 * channel whose frames each name their account) and how many sessions follow each, so
 * that the outbound thread renders a frame only if some session follows it, with one
 * lookup per event whatever the number of sessions. A session counts itself in before it
 * takes the log position it follows from (and, for a book, its snapshot): an event the
 * outbound thread did not render for want of followers is then already in that snapshot.
 */
final class StreamChannels {

    private final int symbols;
    private final AtomicIntegerArray followers;
    private final ConcurrentHashMap<Integer, Integer> ordersFollowers = new ConcurrentHashMap<>();

    StreamChannels(int symbols) {
        this.symbols = symbols;
        this.followers = new AtomicIntegerArray(3 * symbols);
    }

    /** How many channel numbers there are: the orders channel is the last. */
    int count() {
        return 3 * symbols + 1;
    }

    int book(int symbolId) {
        return symbolId;
    }

    int ticker(int symbolId) {
        return symbols + symbolId;
    }

    int trades(int symbolId) {
        return 2 * symbols + symbolId;
    }

    int orders() {
        return 3 * symbols;
    }

    /** The symbol of a book channel, or -1 for any other channel. */
    int bookSymbol(int channel) {
        return channel < symbols ? channel : -1;
    }

    void follow(int channel, int account) {
        if (channel == orders()) {
            ordersFollowers.merge(account, 1, Integer::sum);
        } else {
            followers.incrementAndGet(channel);
        }
    }

    void unfollow(int channel, int account) {
        if (channel == orders()) {
            ordersFollowers.computeIfPresent(account, (key, count) -> count == 1 ? null : count - 1);
        } else {
            followers.decrementAndGet(channel);
        }
    }

    /** On the outbound thread: whether any session follows a symbol's channel. */
    boolean followed(int channel) {
        return followers.get(channel) > 0;
    }

    /** On the outbound thread: whether any session follows the account's orders. */
    boolean ordersFollowed(int account) {
        return ordersFollowers.containsKey(account);
    }
}
