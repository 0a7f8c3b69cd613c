package io.ringbook.app;

/**
 * Where the engine's doors listen: the REST gateway, the admin API and the FIX acceptor
 * (0 for the HTTP ones: any free port; FIX needs a real one, so tests ask for a free one).
 */
record Ports(int rest, int admin, int fix) {

    /** Any free ports, for tests. */
    static Ports any() {
        return new Ports(0, 0, freePort());
    }

    /** A port free right now, for the FIX acceptor of a test. */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
