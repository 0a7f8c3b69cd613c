package io.ringbook.gateway.rest;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Open stream sessions per account (one API key, one account) and per client address,
 * capped by {@link StreamLimits}: the upgrade asks {@link #hasRoom} to refuse early with
 * 429, and {@link #open} counts for real (two racing upgrades cannot both take the last
 * place). Counters of zero are dropped, so memory follows the open sessions.
 */
final class StreamSessions {

    private final StreamLimits limits;
    private final ConcurrentHashMap<Integer, Integer> perAccount = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();

    StreamSessions(StreamLimits limits) {
        this.limits = limits;
    }

    boolean hasRoom(int account, String address) {
        return perAccount.getOrDefault(account, 0) < limits.sessionsPerKey()
                && perAddress.getOrDefault(address, 0) < limits.sessionsPerAddress();
    }

    /** Counts a session in; false (and nothing counted) if that is one too many for its key or address. */
    boolean open(int account, String address) {
        int byAccount = perAccount.merge(account, 1, Integer::sum);
        int byAddress = perAddress.merge(address, 1, Integer::sum);
        if (byAccount > limits.sessionsPerKey() || byAddress > limits.sessionsPerAddress()) {
            close(account, address);
            return false;
        }
        return true;
    }

    void close(int account, String address) {
        perAccount.computeIfPresent(account, (key, count) -> count == 1 ? null : count - 1);
        perAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
    }
}
