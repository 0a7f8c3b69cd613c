package io.ringbook.perf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The load generator's HTTP client: a fixed number of keep-alive connections, each a
 * thread that takes the next due request, writes it whole (one write) and reads the
 * response (status line, headers, Content-Length body). It measures the gateway rather
 * than a general-purpose client: the JDK's HttpClient left the CPUs idle at 2,000
 * requests/s here. A request that finds every connection busy waits, and its latency,
 * measured from its intended time, includes the wait.
 */
final class KeepAliveClients implements AutoCloseable {

    /** One request: when it was due, and its bytes. */
    record Request(long intendedNanos, byte[] bytes) {
    }

    private static final Request STOP = new Request(0, new byte[0]);

    private final BlockingQueue<Request> due = new ArrayBlockingQueue<>(1 << 16);
    private final Thread[] connections;
    private final CountDownLatch finished;

    /** @param done receives each answered request's intended time, with its status (negative: failed) */
    KeepAliveClients(int count, String host, int port, Answered done) {
        connections = new Thread[count];
        finished = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            connections[i] = new Thread(() -> run(host, port, done), "load-connection-" + i);
            connections[i].setDaemon(true);
            connections[i].start();
        }
    }

    /** What a connection reports for each request. */
    @FunctionalInterface
    interface Answered {
        void answered(long intendedNanos, int status);
    }

    void send(Request request) throws InterruptedException {
        due.put(request);
    }

    /** Lets every queued request go out, then closes the connections. */
    @Override
    public void close() throws InterruptedException {
        for (int i = 0; i < connections.length; i++) {
            due.put(STOP);
        }
        finished.await();
    }

    static byte[] post(String path, String apiKey, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + apiKey
                + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + json.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        return request;
    }

    private void run(String host, int port, Answered done) {
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            for (Request request = due.take(); request != STOP; request = due.take()) {
                out.write(request.bytes());
                out.flush();
                done.answered(request.intendedNanos(), readResponse(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
    }

    /** Reads one response; returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int contentLength = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.skipNBytes(contentLength);
        return Integer.parseInt(status.substring(9, 12));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
