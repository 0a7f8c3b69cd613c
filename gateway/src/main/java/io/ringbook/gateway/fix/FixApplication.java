package io.ringbook.gateway.fix;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.DecimalUnits;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.pipeline.CommandPublisher;
import quickfix.ApplicationAdapter;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.MsgType;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.OptionalInt;

/**
 * The FIX 4.4 application: turns NewOrderSingle, OrderCancelRequest,
 * OrderCancelReplaceRequest and OrderMassCancelRequest into engine commands (published
 * without waiting: the outcome comes back as execution reports from the outbound side),
 * answers OrderStatusRequest from the reports' state, refuses at the edge what the
 * engine need never see (unknown symbols, prices off the tick, malformed values), and
 * cancels the orders that entered through the session when a connection goes away
 * (marked with the connection's number as their origin: that connection's and earlier
 * ones', never a later one's; {@link CancelOnDisconnect}). Other message types get a
 * BusinessMessageReject from QuickFIX/J.
 */
final class FixApplication extends ApplicationAdapter {

    private static final int POSS_RESEND = 97;
    private static final int ORD_STATUS_REQ_ID = 790;
    /** OrdRejReason(103) 5: unknown order. */
    private static final int UNKNOWN_ORDER = 5;

    private final ReferenceData data;
    private final FixSessions sessions;
    private final FixReports state;
    private final ExecutionReports reports;
    private final FixCompIds compIds;
    private final FixSessionOptions options;
    private final EdgeExecIds execIds;
    private final CancelOnDisconnect cancelOnDisconnect = new CancelOnDisconnect();
    private volatile CommandPublisher engine;

    FixApplication(ReferenceData data, FixCompIds compIds, FixSessions sessions, FixReports state, ExecutionReports reports,
                   FixSessionOptions options, EdgeExecIds execIds) {
        this.data = data;
        this.compIds = compIds;
        this.sessions = sessions;
        this.state = state;
        this.reports = reports;
        this.options = options;
        this.execIds = execIds;
    }

    void open(CommandPublisher publisher) {
        this.engine = publisher;
    }

    /** Stops retrying cancel-on-disconnects the ring had no room for (the gateway is closing). */
    void close() {
        cancelOnDisconnect.close();
    }

    @Override
    public void onLogon(SessionID sessionId) {
        account(sessionId).ifPresent(account -> sessions.loggedOn(account, sessionId));
    }

    @Override
    public void onLogout(SessionID sessionId) {
        OptionalInt account = account(sessionId);
        if (account.isEmpty()) {
            return;
        }
        long connection = sessions.loggedOut(account.getAsInt());
        CommandPublisher door = engine;
        if (door != null && connection != 0 && options.cancelsOnDisconnect(data.accounts().name(account.getAsInt()))) {
            cancelOnDisconnect.publish(door, account.getAsInt(), connection);
        }
    }

    @Override
    public void fromApp(Message message, SessionID sessionId) throws FieldNotFound, UnsupportedMessageType {
        int account = account(sessionId).orElseThrow();
        String type = message.getHeader().getString(MsgType.FIELD);
        switch (type) {
            case MsgType.NEW_ORDER_SINGLE -> newOrder(message, account, sessionId);
            case MsgType.ORDER_CANCEL_REQUEST -> cancel(message, account, sessionId);
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST -> replace(message, account, sessionId);
            case MsgType.ORDER_STATUS_REQUEST -> status(message, account, sessionId);
            case MsgType.ORDER_MASS_CANCEL_REQUEST -> massCancel(message, account, sessionId);
            default -> throw new UnsupportedMessageType();
        }
    }

    private void newOrder(Message m, int account, SessionID session) throws FieldNotFound {
        SymbolSpec symbol = data.symbols().find(m.getString(55)).orElse(null);
        if (symbol == null) {
            edgeReject(m, session, 1, "UNKNOWN_SYMBOL: no symbol " + m.getString(55));
            return;
        }
        Side side = FixCodes.side(m.getChar(54));
        OrderType type = FixCodes.orderType(m.getChar(40));
        char tifCode = m.isSetField(59) ? m.getChar(59) : type == OrderType.MARKET ? '3' : '0';
        TimeInForce tif = FixCodes.timeInForce(tifCode);
        String clOrdId = m.getString(11);
        if (side == null || type == null || tif == null || !valid(clOrdId)) {
            edgeReject(m, session, 99, "INVALID_ORDER: side, order type, time in force or ClOrdID not supported");
            return;
        }
        long lots = units(m.getString(38), symbol.lotSize());
        if (lots <= 0) {
            edgeReject(m, session, 13, invalidQty(symbol));
            return;
        }
        long ticks = 0;
        if (type == OrderType.LIMIT) {
            ticks = m.isSetField(44) ? units(m.getString(44), symbol.tickSize()) : -1;
            if (ticks <= 0) {
                edgeReject(m, session, 99, invalidPrice(symbol));
                return;
            }
        }
        long expire = tif == TimeInForce.GTD && m.isSetField(126)
                ? m.getUtcTimeStamp(126).toInstant(ZoneOffset.UTC).toEpochMilli() * 1_000_000L : 0;
        boolean postOnly = m.isSetField(18) && m.getString(18).contains("6");
        long price = ticks;
        long connection = sessions.connection(account);
        boolean possResend = m.getHeader().isSetField(POSS_RESEND) && m.getHeader().getBoolean(POSS_RESEND);
        state.sent(account, clOrdId, possResend);
        boolean published = publish(m, session, c -> {
            c.newOrder(account, symbol.id(), side, type, tif, price, lots);
            c.postOnly = postOnly;
            c.expireTimeNanos = expire;
            c.clOrdId.set(clOrdId);
            c.origin = connection;
        });
        if (!published) {
            state.unsent(account, clOrdId);
        }
    }

    private void cancel(Message m, int account, SessionID session) throws FieldNotFound {
        String clOrdId = m.getString(11);
        String orig = m.getString(41);
        long orderId = orderId(m);
        if (!validIds(m, session)) {
            return;
        }
        publish(m, session, c -> {
            c.cancel(account, orderId);
            c.clOrdId.set(clOrdId);
            c.origClOrdId.set(orig);
        });
    }

    private void replace(Message m, int account, SessionID session) throws FieldNotFound {
        String clOrdId = m.getString(11);
        String orig = m.getString(41);
        long orderId = orderId(m);
        if (!validIds(m, session)) {
            return;
        }
        EngineEvent known = state.find(account, orderId, orig);
        SymbolSpec symbol = known != null ? data.symbols().get(known.symbolId) : data.symbols().find(m.getString(55)).orElse(null);
        if (symbol == null) {
            cancelReject(m, session, "UNKNOWN_SYMBOL: no such symbol");
            return;
        }
        long lots = units(m.getString(38), symbol.lotSize());
        if (lots <= 0) {
            cancelReject(m, session, invalidQty(symbol));
            return;
        }
        // no Price(44): the price stays as it is; a price given must be a positive multiple of the tick
        long ticks = m.isSetField(44) ? units(m.getString(44), symbol.tickSize()) : 0;
        if (m.isSetField(44) && ticks <= 0) {
            cancelReject(m, session, invalidPrice(symbol));
            return;
        }
        publish(m, session, c -> {
            c.amend(account, orderId, ticks, lots);
            c.clOrdId.set(clOrdId);
            c.origClOrdId.set(orig);
        });
    }

    private void status(Message m, int account, SessionID session) throws FieldNotFound {
        String requestId = m.isSetField(ORD_STATUS_REQ_ID) ? m.getString(ORD_STATUS_REQ_ID) : null;
        String execId = execIds.status();
        Message unknown = reports.edgeReject(m, execId, UNKNOWN_ORDER, "UNKNOWN_ORDER: no such order of this account");
        unknown.setChar(150, 'I');
        state.find(account, orderId(m), m.getString(11), order -> { // an order no longer kept is answered once read
            Message report = order == null ? unknown : reports.status(order, execId);
            if (requestId != null) {
                report.setString(ORD_STATUS_REQ_ID, requestId);
            }
            Session.lookupSession(session).send(report);
        });
    }

    private void massCancel(Message m, int account, SessionID session) throws FieldNotFound {
        char requestType = m.getChar(530);
        String clOrdId = m.getString(11);
        SymbolSpec symbol = requestType == '1' ? data.symbols().find(m.isSetField(55) ? m.getString(55) : "").orElse(null) : null;
        Message answer = ExecutionReports.message(MsgType.ORDER_MASS_CANCEL_REPORT);
        answer.setString(11, clOrdId);
        answer.setString(37, "NONE");
        answer.setChar(530, requestType);
        if ((requestType != '1' && requestType != '7') || (requestType == '1' && symbol == null)) {
            answer.setChar(531, '0');
            answer.setInt(532, requestType == '1' ? 1 : 99);
            Session.lookupSession(session).send(answer);
            return;
        }
        CommandPublisher door = engine;
        if (door == null) {
            answer.setChar(531, '0');
            answer.setInt(532, 99);
            answer.setString(58, "UNAVAILABLE: the engine is recovering");
            Session.lookupSession(session).send(answer);
            return;
        }
        int symbolId = symbol == null ? -1 : symbol.id();
        door.submit(c -> c.massCancel(account, symbolId)).whenComplete((events, failure) -> {
            if (failure != null) {
                answer.setChar(531, '0');
                answer.setInt(532, 99);
            } else {
                EngineEvent done = events.stream().filter(e -> e.type == EventType.MASS_CANCEL_DONE).findFirst().orElseThrow();
                answer.setChar(531, requestType);
                answer.setInt(533, done.count);
            }
            Session.lookupSession(session).send(answer);
        });
    }

    /** Publishes without waiting; a full ring or an engine still recovering is an immediate reject (returns false). */
    private boolean publish(Message m, SessionID session, CommandPublisher.CommandWriter writer) throws FieldNotFound {
        CommandPublisher door = engine;
        if (door != null && door.tryPublish(writer)) {
            return true;
        }
        if (m.getHeader().getString(MsgType.FIELD).equals(MsgType.NEW_ORDER_SINGLE)) {
            edgeReject(m, session, 99, "UNAVAILABLE: the engine is busy or recovering; retry");
        } else {
            cancelReject(m, session, "UNAVAILABLE: the engine is busy or recovering; retry");
        }
        return false;
    }

    private static String invalidQty(SymbolSpec symbol) {
        return "INVALID_QTY: OrderQty(38) must be a positive whole number of lots of " + symbol.lotSize().toPlainString();
    }

    private static String invalidPrice(SymbolSpec symbol) {
        return "INVALID_PRICE: Price(44) must be a positive multiple of the tick " + symbol.tickSize().toPlainString();
    }

    /**
     * A decimal as a count of {@code unit}s; -1 if it is not a whole number of them (an
     * exponent never gets here: the FIX44 dictionary refuses "1e-9" with a session Reject).
     */
    private static long units(String decimal, BigDecimal unit) {
        try {
            return DecimalUnits.toUnits(new BigDecimal(decimal), unit);
        } catch (RuntimeException notWhole) {
            return -1;
        }
    }

    /** An OrderCancelReject made at the edge; OrderID and OrdStatus those of the order named, as far as the gateway knows it. */
    private void cancelReject(Message m, SessionID session, String text) throws FieldNotFound {
        Message reject = ExecutionReports.message(MsgType.ORDER_CANCEL_REJECT);
        reject.setString(11, m.getString(11));
        reject.setString(41, m.getString(41));
        reject.setChar(434, m.getHeader().getString(MsgType.FIELD).equals(MsgType.ORDER_CANCEL_REQUEST) ? '1' : '2');
        reject.setInt(102, 99);
        reject.setString(58, text);
        state.find(account(session).orElseThrow(), orderId(m), m.getString(41), known -> {
            reject.setString(37, known == null ? "NONE" : Long.toString(known.orderId));
            reject.setChar(39, known == null ? '8' : FixCodes.ordStatus(known.status, known.type == EventType.ORDER_EXPIRED));
            Session.lookupSession(session).send(reject);
        });
    }

    /** Whether a cancel or replace has usable ClOrdID and OrigClOrdID; if not, it is answered with a cancel reject. */
    private boolean validIds(Message m, SessionID session) throws FieldNotFound {
        if (valid(m.getString(11)) && valid(m.getString(41))) {
            return true;
        }
        cancelReject(m, session, "INVALID_CLORDID: 1-36 printable ASCII characters");
        return false;
    }

    private static boolean valid(String clOrdId) {
        return new ClOrdId().set(clOrdId);
    }

    private void edgeReject(Message m, SessionID session, int reason, String text) throws FieldNotFound {
        Session.lookupSession(session).send(reports.edgeReject(m, execIds.reject(), reason, text));
    }

    /** OrderID(37) when the client sent the engine's id, else 0 (the engine finds the order by OrigClOrdID). */
    private static long orderId(Message m) throws FieldNotFound {
        if (!m.isSetField(37)) {
            return 0;
        }
        try {
            return Long.parseLong(m.getString(37));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private OptionalInt account(SessionID session) {
        return compIds.account(session.getTargetCompID());
    }
}
