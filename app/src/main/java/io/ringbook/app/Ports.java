package io.ringbook.app;

/** Where the engine's doors listen: the REST gateway, the admin API and the FIX acceptor (0: any free port). */
record Ports(int rest, int admin, int fix) {

    /** Any free ports, for tests: each server reports the port it was given. */
    static Ports any() {
        return new Ports(0, 0, 0);
    }
}
