package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports are written to the socket by the thread that sends them, not queued for
 * MINA's I/O thread (one wake-up less per report); when a client stops reading and the
 * socket's buffer fills, the rest goes through MINA's queue, and the client still gets
 * every message whole and in sequence once it reads again. Orders one at a time have
 * each report written as it is sent (the ExecutionReport(New) does not wait for the
 * fills' reports); when the outbound thread is busy, a batch's reports go out with one
 * write per session.
 */
class FixDirectWritesTest extends FixDemoTest {

    private static final char SOH = '\u0001';

    @Test
    void reportsOfOrdersOneAtATimeAreWrittenByTheOutboundThreadEachAsItIsSent() throws Exception {
        try (FixClient t1 = client("T1"); FixClient t2 = client("T2")) {
            t1.send(order("dw-s", "TEST", '2', "100", "1"));
            assertEquals('0', t1.next(MsgType.EXECUTION_REPORT).getChar(150));
            long before = fixHealth().path("writesDirect").asLong();
            t2.send(order("dw-b", "TEST", '1', "100", "1"));
            assertEquals('0', t2.next(MsgType.EXECUTION_REPORT).getChar(150));
            assertEquals('F', t2.next(MsgType.EXECUTION_REPORT).getChar(150));
            assertEquals('F', t1.next(MsgType.EXECUTION_REPORT).getChar(150));
            assertEquals(before + 3, fixHealth().path("writesDirect").asLong(),
                    "three reports, three writes (the New first, before the fills are built), none left to MINA: " + fixHealth());
        }
    }

    @Test
    void reportsOfManyOrdersAtOnceGoOutInFewerWritesThanThereAreReports() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", engine.fixPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            FixStream stream = new FixStream(socket.getInputStream());
            int seq = 1;
            out.write(logon(seq++));
            assertEquals("A", field(stream.next(), 35), "logged on");
            long written = written(fixHealth());
            int orders = 200;
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            for (int i = 0; i < orders; i++) {
                chunk.write(ioc(seq++, "m-" + i));
            }
            out.write(chunk.toByteArray()); // one write: the orders reach the engine faster than one at a time
            int reports = 0;
            for (int finals = 0; finals < orders; ) {
                String m = stream.next();
                if ("8".equals(field(m, 35))) {
                    reports++;
                    finals += "48C".indexOf(field(m, 39).charAt(0)) >= 0 ? 1 : 0;
                }
            }
            long writes = written(fixHealth()) - written;
            assertTrue(writes < reports, reports + " reports of " + orders + " orders sent at once in " + writes
                    + " writes: the busy outbound thread's batches are held and written together: " + fixHealth());
        }
    }

    @Test
    void aClientThatStopsReadingGetsEveryMessageWholeAndInOrderOnceItReadsAgain() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", engine.fixPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            FixStream stream = new FixStream(in);
            int seq = 1;
            out.write(logon(seq++));
            assertEquals("A", field(stream.next(), 35), "logged on");
            long queuedBefore = fixHealth().path("writesQueued").asLong();
            // orders (IOC, nothing to trade with: each answered, none resting), a few hundred at a time and each lot's reports
            // written before the next (a flood would leave the outbound side behind), until the socket's buffers are full and
            // MINA holds the rest
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int sent = 0;
            long written = written(fixHealth());
            while (fixHealth().path("writesQueued").asLong() == queuedBefore && System.nanoTime() < deadline) {
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                for (int i = 0; i < 200; i++) {
                    chunk.write(ioc(seq++, "q-" + sent++));
                }
                out.write(chunk.toByteArray());
                // some of this lot's reports written, and nothing left in the rings
                while ((written(fixHealth()) == written || !ringsEmpty()) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                written = written(fixHealth());
            }
            assertTrue(fixHealth().path("writesQueued").asLong() > queuedBefore, "the socket filled within 30 s: " + fixHealth());
            String last = "q-" + (sent - 1);
            int expectedSeq = 2;
            List<String> finals = new ArrayList<>();
            while (!finals.contains(last)) {
                String m = stream.next();
                assertEquals(expectedSeq++, Integer.parseInt(field(m, 34)), "contiguous sequence numbers");
                if ("8".equals(field(m, 35)) && "48C".indexOf(field(m, 39).charAt(0)) >= 0) {
                    finals.add(field(m, 11));
                }
            }
            assertEquals(sent, finals.size(), "one final report per order");
        }
    }

    private static long written(JsonNode fix) {
        return fix.path("writesDirect").asLong() + fix.path("writesQueued").asLong();
    }

    private boolean ringsEmpty() throws Exception {
        JsonNode rings = health().path("ringBuffer").path("details");
        return rings.path("inboundUsed").asLong() == 0 && rings.path("outboundUsed").asLong() == 0;
    }

    private JsonNode fixHealth() throws Exception {
        return health().path("fixGateway").path("details");
    }

    private JsonNode health() throws Exception {
        return TestHttp.json(TestHttp.at(engine.adminPort()).bearer("viewer-token").get("/health")).path("components");
    }

    private static byte[] logon(int seq) {
        Message m = header(MsgType.LOGON, seq);
        m.setInt(98, 0);
        m.setInt(108, 30);
        m.setBoolean(141, true);
        m.setString(554, "t1-key");
        return bytes(m);
    }

    private static byte[] ioc(int seq, String clOrdId) {
        Message m = header(MsgType.NEW_ORDER_SINGLE, seq);
        m.setString(11, clOrdId);
        m.setString(55, "TEST");
        m.setChar(54, '1');
        m.setChar(40, '2');
        m.setString(44, "1");
        m.setString(38, "1");
        m.setChar(59, '3');
        m.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return bytes(m);
    }

    private static Message header(String type, int seq) {
        Message m = message(type);
        m.getHeader().setString(8, "FIX.4.4");
        m.getHeader().setString(49, "T1");
        m.getHeader().setString(56, "RINGBOOK");
        m.getHeader().setInt(34, seq);
        m.getHeader().setUtcTimeStamp(52, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    private static byte[] bytes(Message m) {
        return m.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The value of {@code tag} in a raw message, or "" if absent. */
    private static String field(String message, int tag) {
        String key = SOH + Integer.toString(tag) + "=";
        int at = (SOH + message).indexOf(key);
        if (at < 0) {
            return "";
        }
        int from = at + key.length() - 1;
        return message.substring(from, message.indexOf(SOH, from));
    }

    /** Whole FIX messages from a byte stream, each checked against its BodyLength(9) and CheckSum(10). */
    private static final class FixStream {
        private final InputStream in;
        private final StringBuilder pending = new StringBuilder();
        private final byte[] buffer = new byte[8192];

        FixStream(InputStream in) {
            this.in = in;
        }

        String next() throws Exception {
            while (true) {
                int end = pending.indexOf(SOH + "10=");
                if (end >= 0 && pending.length() >= end + 8) {
                    String message = pending.substring(0, end + 8);
                    pending.delete(0, end + 8);
                    assertTrue(message.startsWith("8=FIX.4.4" + SOH + "9="), message);
                    int bodyStart = message.indexOf(SOH, message.indexOf("9=")) + 1;
                    assertEquals(Integer.parseInt(field(message, 9)), end + 1 - bodyStart, "BodyLength of " + message);
                    int sum = 0;
                    for (int i = 0; i <= end; i++) {
                        sum += message.charAt(i);
                    }
                    assertEquals(sum % 256, Integer.parseInt(message.substring(end + 4, end + 7)), "CheckSum of " + message);
                    return message;
                }
                int read = in.read(buffer);
                assertTrue(read > 0, "the connection stayed open");
                pending.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            }
        }
    }
}
