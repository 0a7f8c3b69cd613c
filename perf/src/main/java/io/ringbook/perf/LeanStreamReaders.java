package io.ringbook.perf;

import io.ringbook.engine.pipeline.EpochClock;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket readers that cost as little as a reader can: N sessions on the running
 * engine's stream, each following TEST's book and trades and its account's orders, read
 * by one thread over non-blocking sockets with the protocol done by hand (server frames
 * come unmasked: a header, then the payload), each text frame scanned in its bytes, never
 * decoded to a string. Each session checks that its book updates are contiguous and counts
 * what it received; trade frames give the fan-out latency, from the trade's engine time to
 * the frame's arrival (both on this host's clock). So the readers measure the server's
 * fan-out rather than their own decoding ({@link StreamReaders} reads through the JDK's
 * client, a string per frame); a session the server closes 1008 is counted.
 *
 * <pre>java -cp perf/target/benchmarks.jar io.ringbook.perf.LeanStreamReaders HOST:PORT FIRST_KEY,SECOND_KEY SESSIONS SECONDS</pre>
 */
public final class LeanStreamReaders {

    private static final EpochClock CLOCK = EpochClock.system();
    private static final byte[] BOOK = ascii("{\"type\":\"book\"");
    private static final byte[] TRADE = ascii("{\"type\":\"trade\"");
    private static final byte[] SEQUENCE = ascii("\"sequence\":");
    private static final byte[] SNAPSHOT = ascii("\"snapshot\":true");
    private static final byte[] TIME = ascii("\"time\":\"");

    private final Histogram fanout = new Histogram(60_000_000_000L, 3);
    private final List<Session> sessions = new ArrayList<>();
    private long frames;
    private long gaps;
    private long slowConsumers;
    private long otherCloses;
    private long cachedEpochDay;
    private final byte[] cachedDate = new byte[10];

    private LeanStreamReaders() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LeanStreamReaders HOST:PORT FIRST_KEY,SECOND_KEY SESSIONS SECONDS");
            System.exit(2);
        }
        int colon = args[0].lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(args[0].substring(0, colon), Integer.parseInt(args[0].substring(colon + 1)));
        String[] keys = args[1].split(",", 2);
        LeanStreamReaders readers = new LeanStreamReaders();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                readers.sessions.add(Session.open(address, keys[i % keys.length], selector));
            }
            System.out.println("readers    " + args[2] + " sessions open; reading for " + args[3] + " s");
            readers.read(selector, System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[3])));
        }
        readers.report();
    }

    private void read(Selector selector, long until) throws IOException {
        while (System.nanoTime() < until) {
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                Session session = (Session) key.attachment();
                try {
                    if (!session.read(this)) {
                        key.cancel();
                        session.channel.close();
                    }
                } catch (IOException reset) {
                    otherCloses++;
                    key.cancel();
                    session.channel.close();
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private void report() {
        System.out.printf("streams    %d sessions, %d frames, %d book gaps, %d closed SLOW_CONSUMER, %d closed otherwise%n",
                sessions.size(), frames, gaps, slowConsumers, otherCloses);
        System.out.printf("fan-out    trade time to frame received, microseconds: p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f (%d trade frames)%n",
                fanout.getValueAtPercentile(50) / 1000.0, fanout.getValueAtPercentile(90) / 1000.0,
                fanout.getValueAtPercentile(99) / 1000.0, fanout.getValueAtPercentile(99.9) / 1000.0,
                fanout.getMaxValue() / 1000.0, fanout.getTotalCount());
    }

    /** A whole text frame's payload, {@code from} to {@code to} in {@code bytes}. */
    private void text(Session session, byte[] bytes, int from, int to) {
        frames++;
        if (startsWith(bytes, from, to, BOOK)) {
            long sequence = number(bytes, indexOf(bytes, from, to, SEQUENCE) + SEQUENCE.length, to);
            if (indexOf(bytes, from, to, SNAPSHOT) < 0 && sequence != session.bookSequence && sequence != session.bookSequence + 1) {
                gaps++;
            }
            session.bookSequence = sequence;
        } else if (startsWith(bytes, from, to, TRADE)) {
            long received = CLOCK.epochNanos();
            int at = indexOf(bytes, from, to, TIME);
            if (at >= 0) {
                fanout.recordValue(Math.max(0, received - epochNanos(bytes, at + TIME.length)));
            }
        }
    }

    private void closed(int code) {
        if (code == 1008) {
            slowConsumers++;
        } else {
            otherCloses++;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.fraction Z} as epoch nanoseconds; the date is parsed once a day. */
    private long epochNanos(byte[] bytes, int at) {
        if (!java.util.Arrays.equals(bytes, at, at + 10, cachedDate, 0, 10)) {
            System.arraycopy(bytes, at, cachedDate, 0, 10);
            cachedEpochDay = LocalDate.parse(new String(cachedDate, StandardCharsets.US_ASCII)).toEpochDay();
        }
        long seconds = cachedEpochDay * 86_400 + digits(bytes, at + 11, 2) * 3_600 + digits(bytes, at + 14, 2) * 60 + digits(bytes, at + 17, 2);
        long nanos = 0;
        int scale = 0;
        for (int i = at + 20; bytes[i] >= '0' && bytes[i] <= '9' && scale < 9; i++, scale++) {
            nanos = nanos * 10 + bytes[i] - '0';
        }
        for (; scale < 9; scale++) {
            nanos *= 10;
        }
        return seconds * 1_000_000_000L + nanos;
    }

    private static long digits(byte[] bytes, int at, int count) {
        long value = 0;
        for (int i = at; i < at + count; i++) {
            value = value * 10 + bytes[i] - '0';
        }
        return value;
    }

    private static long number(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = from; i < to && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            value = value * 10 + bytes[i] - '0';
        }
        return value;
    }

    private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
        return to - from >= prefix.length && java.util.Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] wanted) {
        outer:
        for (int i = from; i <= to - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** One connection: the upgrade, the subscriptions, then frames parsed from a buffer that grows to the largest frame. */
    private static final class Session {
        final SocketChannel channel;
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long bookSequence = -1;

        private Session(SocketChannel channel) {
            this.channel = channel;
        }

        static Session open(InetSocketAddress address, String key, Selector selector) throws IOException {
            SocketChannel channel = SocketChannel.open(address);
            channel.socket().setTcpNoDelay(true);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String upgrade = "GET /api/v1/stream HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\nX-API-Key: " + key + "\r\n\r\n";
            write(channel, ByteBuffer.wrap(upgrade.getBytes(StandardCharsets.US_ASCII)));
            Session session = new Session(channel);
            String response = session.readHeaders();
            if (!response.startsWith("HTTP/1.1 101")) {
                throw new IOException("upgrade refused: " + response.lines().findFirst().orElse(""));
            }
            for (String subscribe : new String[] {"{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"TEST\"}",
                    "{\"op\":\"subscribe\",\"channel\":\"trades\",\"symbol\":\"TEST\"}", "{\"op\":\"subscribe\",\"channel\":\"orders\"}"}) {
                write(channel, masked(0x81, subscribe.getBytes(StandardCharsets.UTF_8)));
            }
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, session);
            return session;
        }

        /** Reads the upgrade's answer up to its blank line; frames read past it stay in the buffer. */
        private String readHeaders() throws IOException {
            while (true) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("closed during the upgrade");
                }
                String seen = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
                int end = seen.indexOf("\r\n\r\n");
                if (end >= 0) {
                    buffer.flip().position(end + 4);
                    buffer.compact();
                    return seen.substring(0, end);
                }
            }
        }

        /** Reads what the socket has and handles every whole frame; false once the server closed. */
        boolean read(LeanStreamReaders readers) throws IOException {
            if (channel.read(buffer) < 0) {
                readers.otherCloses++;
                return false;
            }
            buffer.flip();
            byte[] bytes = buffer.array();
            while (buffer.remaining() >= 2) {
                int at = buffer.position();
                int opcode = bytes[at] & 0x0f;
                long length = bytes[at + 1] & 0x7f;
                int header = 2;
                if (length == 126) {
                    if (buffer.remaining() < 4) {
                        break;
                    }
                    length = ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
                    header = 4;
                } else if (length == 127) {
                    if (buffer.remaining() < 10) {
                        break;
                    }
                    length = ByteBuffer.wrap(bytes, at + 2, 8).getLong();
                    header = 10;
                }
                if (buffer.remaining() < header + length) {
                    if (header + length > buffer.capacity()) {
                        ByteBuffer larger = ByteBuffer.allocate((int) (header + length) * 2);
                        larger.put(buffer);
                        buffer = larger;
                        return true;
                    }
                    break;
                }
                int from = at + header;
                int to = (int) (from + length);
                if (opcode == 0x1) {
                    readers.text(this, bytes, from, to);
                } else if (opcode == 0x8) {
                    readers.closed(length >= 2 ? ((bytes[from] & 0xff) << 8) | (bytes[from + 1] & 0xff) : 1005);
                    return false;
                } else if (opcode == 0x9) {
                    write(channel, masked(0x8a, java.util.Arrays.copyOfRange(bytes, from, to)));
                }
                buffer.position(to);
            }
            buffer.compact();
            return true;
        }

        /** A client frame: FIN and opcode, then the payload masked with a fresh key, as RFC 6455 wants of clients. */
        private static ByteBuffer masked(int finAndOpcode, byte[] payload) {
            ByteBuffer frame = ByteBuffer.allocate(payload.length + 8);
            frame.put((byte) finAndOpcode).put((byte) (0x80 | payload.length));
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.put((byte) (payload[i] ^ mask[i & 3]));
            }
            return frame.flip();
        }

        private static void write(SocketChannel channel, ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }
}
