package io.ringbook.gateway.rest;

/**
 * What one WebSocket client may take of the gateway, so that none can stall the engine
 * or hoard memory: client frames per second per session (a token bucket with that
 * burst), open sessions per API key and per client address (more are refused 429 at the
 * upgrade), channels per session, and the bytes of rendered frames a session may have
 * waiting (beyond, it is closed 1008 {@code SLOW_CONSUMER}); and how long a session may
 * send no frame at all before it is closed 1001 {@code IDLE_TIMEOUT} (the contract's
 * 60 s; shorter only in tests).
 */
public record StreamLimits(long framesPerSecond, int sessionsPerKey, int sessionsPerAddress, int subscriptionsPerSession,
                           long queueBytes, long idleSeconds) {

    /**
     * The demo profile's limits: 50 frames a second, 10 sessions per key, 50 per address,
     * 50 channels per session, 4 MiB waiting per session (about 80 full 1,000-level book
     * snapshots, or 40,000 book updates).
     */
    public static final StreamLimits DEMO = new StreamLimits(50, 10, 50, 50, 4L << 20, 60);
}
