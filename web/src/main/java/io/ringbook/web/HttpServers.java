package io.ringbook.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.function.Function;

/**
 * What both HTTP servers set up alike, before their own routes: the address, 405 rather
 * than 404 for a known path with another method, no banner, no session cookie, the access log (with who,
 * as each server knows it; written out in full when the server stops), the common headers, and the contract's error bodies for
 * refusals, failures, unknown routes and methods.
 */
public final class HttpServers {

    /** How long a session Javalin made for a WebSocket upgrade lives unused: the servers keep no sessions. */
    private static final int SESSION_SECONDS = 10;
    /** Most answers (an order, an error) are well under 1 KiB; larger ones are copied in several steps. */
    private static final int RESULT_COPY_BYTES = 2048;
    private static final int THREADS_PER_CORE = 4;
    private static final int MIN_THREADS = 8;
    private static final int IDLE_THREAD_MILLIS = 60_000;

    private HttpServers() {
    }

    /**
     * Jetty's request threads: {@value #THREADS_PER_CORE} per core, at least {@value #MIN_THREADS}
     * (the acceptor and the selector hold one each), all started at once. Javalin's default pool
     * grows to 250: with 32 busy connections on two cores it ran a thread per connection, and
     * every request paid a thread wake-up more. Bodies are gathered before a request is handed to
     * a thread ({@code EagerContentHandler}, below); a request thread blocks only while writing to
     * a client that does not read (a large answer) or while the access log's queue is full, so the
     * pool is also how many such clients can hold the server at once, each until Jetty's idle
     * timeout.
     */
    static QueuedThreadPool requestThreads(String name, int cores) {
        int threads = Math.max(MIN_THREADS, THREADS_PER_CORE * cores);
        QueuedThreadPool pool = new QueuedThreadPool(threads, threads, IDLE_THREAD_MILLIS);
        pool.setName("jetty-" + name);
        return pool;
    }

    /**
     * @param name      what the server is called in a 500's message
     * @param principal who made a request, from what the server's authentication left on it (null: nobody)
     * @param logRequests whether each request gets its {@link AccessLog} line (not on a scratch engine's door: the start's
     *                    warm-up, whose requests are not the venue's)
     */
    public static void configure(JavalinConfig config, String host, int port, String name, Function<Context, String> principal,
                                 boolean logRequests) {
        config.jetty.host = host;
        config.jetty.port = port;
        config.http.prefer405over404 = true;
        // Javalin copies every result into the response through a buffer of this size, allocated per response;
        // its default (Jetty's 32 KiB output buffer) cost more per order than parsing and rendering it
        config.http.responseBufferSize = RESULT_COPY_BYTES;
        config.startup.showJavalinBanner = false;
        config.jetty.threadPool = requestThreads(name, Runtime.getRuntime().availableProcessors());
        // Javalin's default server counts every request in a StatisticsHandler; nothing here reads the counts.
        // In its place: a body is gathered before a request thread takes the request, without a thread while it
        // arrives, so clients that send their bodies slowly cannot hold the pool's few threads; one over the
        // door's limit is handed on as it stands and refused by HttpJson.body
        config.jetty.modifyServer(server -> server.setHandler(new EagerContentHandler(
                new EagerContentHandler.RetainedContentLoaderFactory(HttpJson.MAX_BODY_BYTES + 1L, -1, false))));
        // no sessions: Javalin's WebSocket upgrade asks for one, which must not set a cookie or linger
        config.jetty.modifyServletContextHandler(handler -> {
            SessionHandler sessions = handler.getSessionHandler();
            if (sessions != null) {
                sessions.setUsingCookies(false);
                sessions.setMaxInactiveInterval(SESSION_SECONDS);
            }
        });
        if (logRequests) {
            AccessLog accessLog = new AccessLog(name);
            config.requestLogger.http((ctx, millis) -> accessLog.log(ctx, millis, principal.apply(ctx)));
            config.events.serverStopped(accessLog::close);
            config.events.serverStartFailed(accessLog::close);
        }
        config.routes.before(HttpJson::commonHeaders);
        config.routes.exception(ApiException.class, (e, ctx) -> HttpJson.error(ctx, e.status(), e.code(), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) ->
                HttpJson.error(ctx, 500, "INTERNAL", "the " + name + " failed: " + e.getClass().getSimpleName()));
        config.routes.error(404, "*", ctx -> HttpJson.unanswered(ctx, 404, "NOT_FOUND", "no such route"));
        config.routes.error(405, "*", ctx -> HttpJson.unanswered(ctx, 405, "METHOD_NOT_ALLOWED", "method not allowed here"));
    }
}
