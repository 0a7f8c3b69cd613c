package io.ringbook.app;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST part of the warm-up ({@link WarmUp}): a client per account (up to
 * {@value #CLIENTS}) sends the scratch engine's REST door what a REST client sends, one
 * request after another: GTC orders resting on both sides of the mid, IOC orders that
 * cross them, amends of a rested order, cancels by clOrdId, book and open-order queries.
 * So the door's request handling (HTTP, authentication, rate limits, JSON both ways, the
 * replies' wait) is compiled before the first client comes. Refusals are fine: only
 * that each request is answered matters.
 */
final class RestWarmUp {

    static final int CLIENTS = 4;
    private static final int ROUND = 8;
    /** How far below the mid a round's first order rests, out of every crossing order's reach, for its amend and cancel to find it. */
    private static final long DEEP = 10;
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final String host;
    private final ReferenceData data;
    private final long[] mids;
    /** Answers with a 2xx, by kind of request (the step of the round it was). */
    private final AtomicLongArray served = new AtomicLongArray(ROUND);

    RestWarmUp(String host, ReferenceData data, long[] mids) {
        this.host = host;
        this.data = data;
        this.mids = mids;
    }

    /** Answers with a 2xx so far, by kind of request: orders (three), an IOC order, an amend, a cancel, book and open orders. */
    long[] servedByKind() {
        long[] byKind = new long[ROUND];
        for (int kind = 0; kind < ROUND; kind++) {
            byKind[kind] = served.get(kind);
        }
        return byKind;
    }

    /** Sends {@code requests} in all to the door on {@code port}, spread over one client a key of {@code keys} (account order). */
    void run(int port, List<String> keys, int requests, long deadline) {
        String base = "http://" + host + ":" + port + "/api/v1";
        int clients = Math.min(CLIENTS, keys.size());
        List<Thread> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            String key = keys.get(client);
            int share = requests / clients + (client < requests % clients ? 1 : 0);
            int account = client;
            Thread thread = new Thread(() -> session(base, key, account, share, deadline), "ringbook-warm-up-rest-" + client);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private void session(String base, String key, int account, int requests, long deadline) {
        long deep = 0;
        for (int n = 0; n < requests && System.nanoTime() - deadline < 0; n++) {
            int symbolId = n / ROUND % mids.length;
            SymbolSpec symbol = data.symbols().get(symbolId);
            long mid = mids[symbolId];
            String clOrdId = "warm-up-rest-" + account + "-" + n;
            int kind = n % ROUND;
            String body = switch (kind) {
                case 0 -> send(base, kind, key, "POST", "/orders", order(clOrdId, symbol, "BUY", "GTC", mid - DEEP));
                case 1, 2 -> send(base, kind, key, "POST", "/orders", order(clOrdId, symbol, kind == 1 ? "SELL" : "BUY", "GTC",
                        kind == 1 ? mid + 1 + n % 3 : mid - 1 - n % 3));
                case 3 -> send(base, kind, key, "POST", "/orders", order(clOrdId, symbol, account % 2 == 0 ? "BUY" : "SELL", "IOC",
                        account % 2 == 0 ? mid + 3 : mid - 3));
                case 4 -> send(base, kind, key, "PATCH", "/orders/" + deep,
                        "{\"price\":\"" + symbol.price(mid - DEEP - 1).toPlainString() + "\"}");
                case 5 -> send(base, kind, key, "DELETE", "/orders?clOrdId=warm-up-rest-" + account + "-" + (n - 5), null);
                case 6 -> send(base, kind, key, "GET", "/book/" + symbol.name() + "?depth=5", null);
                default -> send(base, kind, key, "GET", "/orders?status=OPEN&symbol=" + symbol.name() + "&limit=10", null);
            };
            Matcher placed = ORDER_ID.matcher(body);
            if (kind == 0 && placed.find()) {
                deep = Long.parseLong(placed.group(1));
            }
        }
    }

    private static String order(String clOrdId, SymbolSpec symbol, String side, String timeInForce, long price) {
        return "{\"clOrdId\":\"" + clOrdId + "\",\"symbol\":\"" + symbol.name() + "\",\"side\":\"" + side
                + "\",\"type\":\"LIMIT\",\"price\":\"" + symbol.price(price).toPlainString() + "\",\"qty\":\""
                + symbol.qty(2).toPlainString() + "\",\"timeInForce\":\"" + timeInForce + "\"}";
    }

    /** The answer's body; "" where none came (the warm-up goes on: it only wants the code run). */
    private String send(String base, int kind, String key, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 == 2) {
                served.incrementAndGet(kind);
            }
            return answer.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
