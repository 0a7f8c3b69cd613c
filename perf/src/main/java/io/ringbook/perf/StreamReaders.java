package io.ringbook.perf;

import java.util.concurrent.TimeUnit;

/**
 * The WebSocket readers of {@code bench --subscribers} in a JVM of their own, so that the
 * order client's latency is not the readers' (200 readers and the order client in one JVM
 * measured the client's own backlog): start this, then {@code ./ringbook bench --via rest
 * --target ...} in another shell for the orders.
 *
 * <pre>java -cp perf/target/benchmarks.jar io.ringbook.perf.StreamReaders HOST:PORT FIRST_KEY,SECOND_KEY SESSIONS SECONDS</pre>
 *
 * Prints the sessions' book gaps, slow-consumer closes and the fan-out latency after
 * SECONDS. These readers decode every frame to a string through the JDK's client (about
 * 8 us of CPU a frame): 200 of them on the server's cores fall behind before the server
 * does; {@link LeanStreamReaders} reads the same channels for a twentieth of that.
 */
public final class StreamReaders {

    private StreamReaders() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: StreamReaders HOST:PORT FIRST_KEY,SECOND_KEY SESSIONS SECONDS");
            System.exit(2);
        }
        int colon = args[0].lastIndexOf(':');
        try (StreamFanout readers = new StreamFanout(args[0].substring(0, colon), Integer.parseInt(args[0].substring(colon + 1)),
                args[1].split(",", 2), Integer.parseInt(args[2]))) {
            System.out.println("readers    " + args[2] + " sessions open; reading for " + args[3] + " s");
            TimeUnit.SECONDS.sleep(Long.parseLong(args[3]));
            readers.report();
        }
    }
}
