package io.ringbook.perf;

import org.HdrHistogram.Histogram;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What one hop of the FIX round trip costs at least on this machine, with nothing of the
 * engine in it: the floor under the gateway's latency (issue 22). Each ping is sent after
 * a pause (2 ms: the pace of the FIX serial figure, 500 orders/s), so that every thread it
 * reaches is asleep, as the engine's threads are between serial orders.
 * <ul>
 *   <li>{@code handoff N}: a thread wakes a parked thread ({@code LockSupport.unpark}, what
 *   a blocking wait strategy does underneath), which wakes the first one back; half the
 *   round trip is one blocking hand-off.</li>
 *   <li>{@code echo PORT} and {@code tcp HOST:PORT N}: two JVMs, the second sends 200 bytes
 *   over loopback TCP (Nagle off) and blocks reading the 200 bytes the first sends back;
 *   the round trip is two socket wake-ups and the loopback stack twice, as a FIX
 *   NewOrderSingle and its ExecutionReport would be with nothing else on the way.</li>
 * </ul>
 * Prints p50, p90, p99, p99.9 and max in microseconds, from an HdrHistogram.
 */
public final class HopFloor {

    private static final long PAUSE_NANOS = 2_000_000;
    private static final int MESSAGE = 200;
    private static final int WARMUP = 2_000;

    private HopFloor() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "handoff" -> print("hand-off round trip (two wake-ups)", handoff(Integer.parseInt(args[1])));
            case "echo" -> echo(Integer.parseInt(args[1]));
            case "tcp" -> {
                String[] target = args[1].split(":");
                print("loopback TCP round trip (two JVMs)", tcp(target[0], Integer.parseInt(target[1]), Integer.parseInt(args[2])));
            }
            default -> System.err.println("usage: HopFloor handoff N | echo PORT | tcp HOST:PORT N");
        }
    }

    private static Histogram handoff(int n) throws InterruptedException {
        Histogram rounds = new Histogram(3);
        Thread pinger = Thread.currentThread();
        AtomicLong ping = new AtomicLong();
        AtomicLong pong = new AtomicLong();
        Thread ponger = new Thread(() -> {
            for (long seen = 0; seen < WARMUP + n; ) {
                if (ping.get() > seen) {
                    seen = ping.get();
                    pong.set(seen);
                    LockSupport.unpark(pinger);
                } else {
                    LockSupport.park();
                }
            }
        }, "hop-ponger");
        ponger.setDaemon(true);
        ponger.start();
        for (int i = 1; i <= WARMUP + n; i++) {
            LockSupport.parkNanos(PAUSE_NANOS);
            long start = System.nanoTime();
            ping.set(i);
            LockSupport.unpark(ponger);
            while (pong.get() < i) {
                LockSupport.park();
            }
            if (i > WARMUP) {
                rounds.recordValue(System.nanoTime() - start);
            }
        }
        return rounds;
    }

    private static void echo(int port) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port));
            System.out.println("echoing on 127.0.0.1:" + port);
            while (true) {
                try (Socket socket = server.accept()) {
                    socket.setTcpNoDelay(true);
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    byte[] message = new byte[MESSAGE];
                    while (true) {
                        in.readFully(message);
                        out.write(message);
                    }
                } catch (IOException closed) {
                    // the client went away: wait for the next one
                }
            }
        }
    }

    private static Histogram tcp(String host, int port, int n) throws IOException {
        Histogram rounds = new Histogram(3);
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] message = new byte[MESSAGE];
            for (int i = 0; i < WARMUP + n; i++) {
                LockSupport.parkNanos(PAUSE_NANOS);
                long start = System.nanoTime();
                out.write(message);
                in.readFully(message);
                if (i >= WARMUP) {
                    rounds.recordValue(System.nanoTime() - start);
                }
            }
        }
        return rounds;
    }

    private static void print(String what, Histogram nanos) {
        System.out.printf("%s, %d rounds after %d: p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n", what,
                nanos.getTotalCount(), WARMUP, at(nanos, 50), at(nanos, 90), at(nanos, 99), at(nanos, 99.9), nanos.getMaxValue() / 1e3);
    }

    private static double at(Histogram nanos, double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1e3;
    }
}
