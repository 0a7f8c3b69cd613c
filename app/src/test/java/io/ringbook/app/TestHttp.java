package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The app tests' HTTP client, one for all of them: requests to one of the engine's ports
 * (REST or admin) as a caller with an API key, a bearer token or neither, with a JSON
 * body where there is one; answers as text, or parsed with {@link #json}.
 */
final class TestHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final Map<String, String> headers;

    private TestHttp(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** Requests to {@code base} ({@code http://host:port}; empty where each path is a whole URL), with no credentials yet. */
    static TestHttp at(String base) {
        return new TestHttp(base, Map.of());
    }

    /** Requests to a port of this machine's loopback, with no credentials yet. */
    static TestHttp at(int port) {
        return at("http://127.0.0.1:" + port);
    }

    /** The same requests with this API key ({@code X-API-Key}); none if null. */
    TestHttp key(String apiKey) {
        return header("X-API-Key", apiKey);
    }

    /** The same requests with this bearer token ({@code Authorization}); none if null. */
    TestHttp bearer(String token) {
        return header("Authorization", token == null ? null : "Bearer " + token);
    }

    /** The same requests with this header as well; none if {@code value} is null. */
    TestHttp header(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new TestHttp(base, more);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    /** {@code method} on {@code path}; {@code body} (JSON) may be null for none. */
    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!method.equals("GET") && !method.equals("HEAD")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's body as JSON. */
    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** The answer's body as JSON, once it is checked to be a 200. */
    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** A limit order's JSON body as the REST gateway takes it (the default time in force). */
    static String limitOrder(String clOrdId, String symbol, String side, String price, String qty) {
        return "{\"clOrdId\":\"" + clOrdId + "\",\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"type\":\"LIMIT\",\"price\":\""
                + price + "\",\"qty\":\"" + qty + "\"}";
    }
}
