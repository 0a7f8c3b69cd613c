package io.ringbook.app;

/** Where the engine's HTTP doors listen: the order gateway and the admin API (0: any free port, for tests). */
record Ports(int rest, int admin) {

    static final Ports ANY = new Ports(0, 0);
}
