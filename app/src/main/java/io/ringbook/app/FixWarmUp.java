package io.ringbook.app;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.gateway.fix.FixInitiators;
import io.ringbook.gateway.fix.PasswordMaskingLogFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.MemoryStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The FIX part of the warm-up ({@link WarmUp}): a QuickFIX/J initiator logs on to the
 * scratch engine's acceptor as one account and sends what a FIX client sends, as fast as
 * the session takes it: NewOrderSingle DAY orders resting on both sides of the mid, IOC
 * orders crossing them, cancel/replace and cancel requests of rested orders. So the
 * acceptor's parsing, session and store, the gateway's order handling and its
 * ExecutionReports are compiled before the first client logs on. It waits until as many
 * reports (ExecutionReports and OrderCancelRejects) have come as it sent requests and
 * then no more for a moment, then logs out.
 */
final class FixWarmUp implements Application {

    private static final int ROUND = 8;
    private static final long LOGON_SECONDS = 10;
    private static final long QUIET_MILLIS = 200;

    private final ReferenceData data;
    private final long[] mids;
    private final CountDownLatch loggedOn = new CountDownLatch(1);
    private final AtomicLong reports = new AtomicLong();

    FixWarmUp(ReferenceData data, long[] mids) {
        this.data = data;
        this.mids = mids;
    }

    /**
     * Logs on as {@code compId} with {@code password} at {@code host:port}, sends
     * {@code requests} requests, and answers how many it sent (0 if the logon failed).
     */
    long run(String compId, String password, String host, int port, int requests, long deadline) {
        SessionID session = FixInitiators.session(compId);
        SessionSettings settings = FixInitiators.settings(compId, password, port, null);
        settings.setString(session, "SocketConnectHost", host);
        SocketInitiator initiator;
        try {
            initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, new PasswordMaskingLogFactory(settings),
                    new DefaultMessageFactory());
            initiator.start();
        } catch (ConfigError e) {
            throw new IllegalStateException("the warm-up's FIX initiator: " + e.getMessage(), e);
        }
        try {
            if (!loggedOn.await(LOGON_SECONDS, TimeUnit.SECONDS)) {
                return 0;
            }
            Session fix = Session.lookupSession(session);
            int sent = 0;
            while (sent < requests && System.nanoTime() - deadline < 0) {
                fix.send(request(sent++));
            }
            awaitQuiet(sent, deadline);
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            initiator.stop();
        }
    }

    /**
     * Waits until as many reports have come as requests went, and then none for
     * {@value #QUIET_MILLIS} ms (a request's fills come after its first report), so that the
     * logout does not cross reports still on their way.
     */
    private void awaitQuiet(int sent, long deadline) throws InterruptedException {
        long seen = -1;
        while (System.nanoTime() - deadline < 0) {
            long now = reports.get();
            if (now >= sent && now == seen) {
                return;
            }
            seen = now;
            Thread.sleep(QUIET_MILLIS);
        }
    }

    private Message request(int n) {
        int symbolId = n / ROUND % mids.length;
        SymbolSpec symbol = data.symbols().get(symbolId);
        long mid = mids[symbolId];
        String clOrdId = "warm-up-fix-" + n;
        return switch (n % ROUND) {
            case 0, 1, 2, 5 -> order(clOrdId, symbol, n % 2 == 0, TimeInForce.DAY, n % 2 == 0 ? mid - 1 - n % 3 : mid + 1 + n % 3);
            case 3 -> order(clOrdId, symbol, true, TimeInForce.IMMEDIATE_OR_CANCEL, mid + 3);
            case 4 -> {
                OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest(new OrigClOrdID("warm-up-fix-" + (n - 4)),
                        new ClOrdID(clOrdId), new Side(Side.BUY), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)),
                        new OrdType(OrdType.LIMIT));
                replace.set(new Symbol(symbol.name()));
                replace.set(new OrderQty(symbol.qty(2).doubleValue()));
                replace.set(new Price(symbol.price(mid - 2).doubleValue()));
                yield replace;
            }
            case 6 -> {
                OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID("warm-up-fix-" + (n - 5)), new ClOrdID(clOrdId),
                        new Side(Side.SELL), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
                cancel.set(new Symbol(symbol.name()));
                yield cancel;
            }
            default -> order(clOrdId, symbol, false, TimeInForce.IMMEDIATE_OR_CANCEL, mid - 3);
        };
    }

    private static NewOrderSingle order(String clOrdId, SymbolSpec symbol, boolean buy, char timeInForce, long price) {
        NewOrderSingle order = new NewOrderSingle(new ClOrdID(clOrdId), new Side(buy ? Side.BUY : Side.SELL),
                new TransactTime(LocalDateTime.now(ZoneOffset.UTC)), new OrdType(OrdType.LIMIT));
        order.set(new Symbol(symbol.name()));
        order.set(new OrderQty(symbol.qty(2).doubleValue()));
        order.set(new Price(symbol.price(price).doubleValue()));
        order.set(new TimeInForce(timeInForce));
        return order;
    }

    @Override
    public void onLogon(SessionID sessionId) {
        loggedOn.countDown();
    }

    /** Reports (ExecutionReports and OrderCancelRejects) received so far. */
    long reports() {
        return reports.get();
    }

    @Override
    public void fromApp(Message message, SessionID sessionId) throws FieldNotFound {
        String type = message.getHeader().getString(MsgType.FIELD);
        if (type.equals(MsgType.ORDER_CANCEL_REJECT) || type.equals(MsgType.EXECUTION_REPORT)) {
            reports.incrementAndGet();
        }
    }

    @Override
    public void onCreate(SessionID sessionId) {
    }

    @Override
    public void onLogout(SessionID sessionId) {
    }

    @Override
    public void toAdmin(Message message, SessionID sessionId) {
    }

    @Override
    public void fromAdmin(Message message, SessionID sessionId) {
    }

    @Override
    public void toApp(Message message, SessionID sessionId) {
    }
}
