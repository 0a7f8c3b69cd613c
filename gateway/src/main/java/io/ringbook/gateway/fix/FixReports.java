package io.ringbook.gateway.fix;

import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.views.orders.OrderViews;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;

import java.util.function.Consumer;

/**
 * The FIX side of the outbound thread: every order event of an account that trades over
 * FIX becomes an ExecutionReport (or an OrderCancelReject) on its session, whichever
 * door the order came in by (while the outbound thread is busy, held until the batch ends,
 * then written with one write per session: {@link ReportBatch}); while the session is away, QuickFIX/J stores the report
 * for the resend after its next logon ({@link FixSessions}). It also keeps each order's latest state, for
 * OrderStatusRequests and for the OrigClOrdID of a replace (open orders and the newest
 * done ones, compactly: {@link FixOrderStates}; older ones are found through the read
 * models and the journal: {@link FixOrderLookup}). Sending only queues the
 * message on the session's connection; it never waits for the client. A REST order
 * refused for an unknown symbol has no FIX report: FIX 4.4 requires Symbol(55), and the
 * engine never knew the name (FIX clients' own unknown symbols are refused at the edge).
 * A ClOrdID used twice in a day is refused without touching the order that holds it,
 * unless the second NewOrderSingle was a PossResend: then it is answered with that
 * order's status. Only FIX's own duplicates are reported: a command with a
 * correlationId had a caller waiting for the answer (a REST resend, answered there).
 */
final class FixReports implements EngineListener {

    private final ExecutionReports reports;
    private final FixSessions sessions;
    private final FixOrderStates orders = new FixOrderStates();
    private final FixOrderLookup lookup = new FixOrderLookup(orders);
    private final NewOrdersInFlight inFlight;
    private final EdgeExecIds execIds;
    private final ReportBatch batch;

    FixReports(ExecutionReports reports, FixSessions sessions, EdgeExecIds execIds, ReportBatch batch, InboundWindow window) {
        this.batch = batch;
        this.inFlight = new NewOrdersInFlight(window);
        this.reports = reports;
        this.sessions = sessions;
        this.execIds = execIds;
    }

    /**
     * A NewOrderSingle is on its way to the engine: if it is a PossResend(97)=Y and the
     * engine finds its ClOrdID already used today, the answer is that order's status
     * (150=I), not a reject. Call before publishing; {@link #unsent} if it could not be published.
     */
    void sent(int account, String clOrdId, boolean possResend) {
        inFlight.sent(account, clOrdId, possResend);
    }

    void unsent(int account, String clOrdId) {
        inFlight.unsent(account, clOrdId);
    }

    /** The read models that find the orders this door no longer keeps. */
    void readModels(OrderViews views) {
        lookup.readModels(views);
    }

    /** Stops the lookups of older orders (the gateway is closing). */
    void close() {
        lookup.close();
    }

    @Override
    public void onEvent(EngineEvent e) {
        batch.holdOn(e.lastOfCommand); // only the thread that delivers the events holds reports, never the lookup's
        switch (e.type) {
            case ORDER_ACCEPTED -> order(e, '0');
            case ORDER_REJECTED -> rejected(e);
            case ORDER_FILLED -> order(e, 'F');
            case ORDER_CANCELED -> order(e, '4');
            case ORDER_EXPIRED -> order(e, 'C');
            case ORDER_REPLACED -> order(e, '5');
            case CANCEL_REJECTED, AMEND_REJECTED -> cancelRejected(e);
            default -> {
            }
        }
    }

    /** A refused cancel or replace, with the status of the order it named if that is the account's own. */
    private void cancelRejected(EngineEvent e) {
        if (sessions.reportsTo(e.accountId) == null) {
            return; // no FIX session to tell: no lookup either
        }
        if (e.orderId == 0 || e.status != null) {
            send(e.accountId, reports.cancelReject(e, null));
            return;
        }
        EngineEvent refusal = e.copy(); // the order may be answered later, from the journal
        lookup.find(e.accountId, e.orderId, null, known -> send(refusal.accountId, reports.cancelReject(refusal, known)));
    }

    /** The latest state of an order the account placed, by orderId or by one of its clOrdIds, if in memory; null otherwise. */
    EngineEvent find(int account, long orderId, String clOrdId) {
        return lookup.inMemory(account, orderId, clOrdId);
    }

    /** Gives {@code answer} that state, or null if there is none: at once if in memory, else once read from the journal. */
    void find(int account, long orderId, String clOrdId, Consumer<EngineEvent> answer) {
        lookup.find(account, orderId, clOrdId, answer);
    }

    private void order(EngineEvent e, char execType) {
        String before = e.type == EventType.ORDER_REPLACED ? orders.clOrdIdOf(e.orderId) : null;
        orders.record(e);
        if (e.type == EventType.ORDER_ACCEPTED && e.correlationId == 0) {
            inFlight.answered(e.accountId, e.clOrdId.toString()); // an original, or a PossResend whose original never arrived
        }
        String orig = null;
        if (before != null && !before.equals(e.clOrdId.toString())) {
            orig = before;
        } else if (e.requestClOrdId.length() > 0 && !e.requestClOrdId.toString().equals(e.clOrdId.toString())) {
            orig = e.clOrdId.toString(); // a cancel's report: ClOrdID the request's, OrigClOrdID the order's
        }
        if (sessions.reportsTo(e.accountId) != null) {
            send(e.accountId, reports.report(e, orig, execType));
        }
    }

    private void rejected(EngineEvent e) {
        if (e.symbolId < 0) {
            return;
        }
        boolean possResend = e.correlationId == 0 && inFlight.answered(e.accountId, e.clOrdId.toString());
        if (e.rejectReason != RejectReason.DUPLICATE_CLORDID) {
            orders.record(e);
        } else if (e.correlationId != 0) {
            return; // refused for a caller that waits for its answer (a REST resend): no FIX session asked
        } else if (possResend && sessions.reportsTo(e.accountId) != null) {
            // the engine names the order that holds the ClOrdID; a PossResend is told where that order stands
            EngineEvent refusal = e.copy();
            lookup.find(e.accountId, e.orderId, null, holder -> send(refusal.accountId,
                    holder != null ? reports.status(holder, execIds.status()) : reports.report(refusal, null, '8')));
            return;
        }
        if (sessions.reportsTo(e.accountId) != null) {
            send(e.accountId, reports.report(e, null, '8'));
        }
    }

    private void send(int account, Message message) {
        SessionID id = sessions.reportsTo(account);
        Session session = id == null ? null : Session.lookupSession(id);
        if (session != null) {
            session.send(message);
        }
    }

    /** The reports of the batch go out: one write per session. */
    @Override
    public void onEndOfBatch() {
        batch.flush();
    }
}
