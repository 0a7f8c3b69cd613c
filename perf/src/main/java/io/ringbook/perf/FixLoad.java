package io.ringbook.perf;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.gateway.fix.FixInitiators;
import io.ringbook.gateway.fix.FixPasswords;
import io.ringbook.gateway.fix.FixSessionOptions;
import io.ringbook.gateway.fix.InlineSocketInitiator;
import io.ringbook.gateway.fix.PasswordMaskingLogFactory;
import org.HdrHistogram.Histogram;
import quickfix.ApplicationAdapter;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.Initiator;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Order entry through the FIX gateway on loopback, open-loop: NewOrderSingle i is due at
 * start + i/rate, and its latency runs from then to the first ExecutionReport for it
 * (the NOS -> ER round trip a FIX client sees). One QuickFIX/J initiator per side
 * (T1 sells, T2 buys, crossing), so the book stays small and half the orders trade.
 */
final class FixLoad {

    private FixLoad() {
    }

    /** Runs the load; returns {orders measured, measured nanos}. */
    static long[] run(EnginePipeline.Builder builder, ReferenceData data, EpochClock clock, Histogram histogram, long rate,
                      long warmupSeconds, long durationSeconds) throws Exception {
        Path store = Files.createTempDirectory("ringbook-fix-bench-");
        int port = freePort();
        String password = UUID.randomUUID().toString();
        FixPasswords passwords = new FixPasswords(Map.of(0, password, 1, password));
        FixGateway gateway = new FixGateway(data, "127.0.0.1", port, store.resolve("server"),
                new FixSessionOptions(true, false, Map.of(), Map.of()), passwords);
        gateway.listeners().forEach(builder::listener);
        try (EnginePipeline pipeline = builder.build().start(); gateway) {
            gateway.start(pipeline.publisher());
            return drive("127.0.0.1", port, data.accounts().name(1), password, data.accounts().name(0), password,
                    BenchScenario.symbol(data).name(), false, clock, histogram, rate, warmupSeconds, durationSeconds);
        }
    }

    /**
     * Runs the load against a FIX acceptor at {@code host:port}, in this process or another:
     * buyers log on as {@code buyer}, sellers as {@code seller}, each with its FIX password, orders on {@code symbol},
     * sequence numbers reset at logon; the same name for both sends every order over one session (a crossing
     * order then cancels the account's resting one: self-trade prevention). {@code inline} clients handle what they
     * receive and write what they send on the thread at hand ({@link InlineSocketInitiator}) instead of QuickFIX/J's
     * {@code SocketInitiator}, whose message-processor thread and MINA I/O thread are each a wake-up per message.
     * Returns {orders measured, measured nanos}.
     */
    static long[] drive(String host, int port, String buyer, String buyerPassword, String seller, String sellerPassword, String symbol,
                        boolean inline, EpochClock clock, Histogram histogram,
                        long rate, long warmupSeconds, long durationSeconds) throws Exception {
        long interval = 1_000_000_000L / rate;
        long warmup = warmupSeconds * rate;
        long total = warmup + durationSeconds * rate;
        AtomicLongArray intended = new AtomicLongArray((int) total);
        Answers answered = new Answers();
        String run = Long.toString(clock.epochNanos() / 1_000_000 % 100_000_000, 36) + "-";
        Client sellers = new Client(seller, sellerPassword, host, port, inline, run, clock, intended, histogram, warmup, answered);
        Client buyers = buyer.equals(seller) ? sellers
                : new Client(buyer, buyerPassword, host, port, inline, run, clock, intended, histogram, warmup, answered);
        long start;
        try (sellers; buyers) {
            sellers.awaitLogon();
            buyers.awaitLogon();
            start = clock.epochNanos() + 10_000_000;
            Pacing pacing = new Pacing(clock, interval);
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                pacing.awaitUntil(due);
                intended.set(i, due);
                boolean buy = i % 2 == 0;
                (buy ? buyers : sellers).send(order(run, i, buy, symbol));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (answered.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (answered.get() < total) {
                System.out.println("unanswered " + (total - answered.get()) + " orders");
            }
            double seconds = (answered.last.get() - start) / 1e9;
            System.out.printf("answered %d of %d orders in %.3f s from the first send (%.0f answers/s): %d acknowledged (150=0),"
                    + " %d refused (150=8, e.g. UNAVAILABLE when the ring is full)%n", answered.get(), total, seconds,
                    answered.get() / Math.max(seconds, 1e-9), answered.get() - answered.refused.get(), answered.refused.get());
        }
        return new long[] {total - warmup, durationSeconds * 1_000_000_000L};
    }

    private static Message order(String run, int i, boolean buy, String symbol) {
        Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, MsgType.NEW_ORDER_SINGLE);
        m.setString(11, run + i);
        m.setString(55, symbol);
        m.setChar(54, buy ? '1' : '2');
        m.setChar(40, '2');
        m.setString(44, Integer.toString(buy ? 100 + i % 3 : 100 - i % 3));
        m.setString(38, "1");
        m.setChar(59, '1');
        m.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The orders answered (acknowledged or refused), the refused ones, and when the last answer came. */
    private static final class Answers extends AtomicLong {
        final AtomicLong refused = new AtomicLong();
        final AtomicLong last = new AtomicLong();

        void answer(long epochNanos) {
            last.accumulateAndGet(epochNanos, Math::max);
            incrementAndGet();
        }
    }

    /** One initiator session; records each order's latency at its first execution report (a New; refusals are counted apart). */
    private static final class Client extends ApplicationAdapter implements AutoCloseable {
        private final SessionID session;
        private final Initiator initiator;
        private final CountDownLatch loggedOn = new CountDownLatch(1);
        private final EpochClock clock;
        private final AtomicLongArray intended;
        private final Histogram histogram;
        private final long warmup;
        private final Answers answered;
        private final String run;

        Client(String compId, String password, String host, int port, boolean inline, String run, EpochClock clock, AtomicLongArray intended,
               Histogram histogram, long warmup, Answers answered) throws Exception {
            this.run = run;
            this.clock = clock;
            this.intended = intended;
            this.histogram = histogram;
            this.warmup = warmup;
            this.answered = answered;
            session = FixInitiators.session(compId);
            SessionSettings settings = FixInitiators.settings(compId, password, port, null);
            settings.setString(session, "SocketConnectHost", host);
            initiator = inline
                    ? new InlineSocketInitiator(this, new MemoryStoreFactory(), settings, new PasswordMaskingLogFactory(settings),
                            new DefaultMessageFactory())
                    : new SocketInitiator(this, new MemoryStoreFactory(), settings, new PasswordMaskingLogFactory(settings),
                            new DefaultMessageFactory());
            initiator.start();
        }

        void awaitLogon() throws InterruptedException {
            if (!loggedOn.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("FIX logon failed");
            }
        }

        void send(Message message) {
            Session.lookupSession(session).send(message);
        }

        @Override
        public void fromApp(Message message, SessionID sessionId) throws FieldNotFound {
            if (!message.getHeader().getString(MsgType.FIELD).equals(MsgType.EXECUTION_REPORT)) {
                return;
            }
            char execType = message.getChar(150);
            if (execType == '8') {
                answered.refused.incrementAndGet();
                answered.answer(clock.epochNanos());
                return;
            }
            if (execType != '0') {
                return;
            }
            int i = Integer.parseInt(message.getString(11).substring(run.length()));
            if (i >= warmup) {
                long latency = Math.max(0, clock.epochNanos() - intended.get(i));
                synchronized (histogram) {
                    histogram.recordValue(latency);
                }
            }
            answered.answer(clock.epochNanos());
        }

        @Override
        public void onLogon(SessionID sessionId) {
            loggedOn.countDown();
        }

        @Override
        public void close() {
            initiator.stop(true);
        }





    }
}
