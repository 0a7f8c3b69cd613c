package io.ringbook.app.profile;

/** Where the engine's doors listen: the REST gateway, the admin API and the FIX acceptor (0: any free port). */
public record Ports(int rest, int admin, int fix) {

    /** The ports of API.md: 8080 REST, 8081 admin, 9878 FIX. */
    public static final Ports DEFAULTS = new Ports(8080, 8081, 9878);

    /** Any free ports, for tests: each server reports the port it was given. */
    public static Ports any() {
        return new Ports(0, 0, 0);
    }
}
