package io.ringbook.views.orders;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import io.ringbook.engine.testing.RandomOrderFlow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact read model against the engine's own events over a seeded random flow:
 * every open order kept, as last reported, with all its fills; exactly the newest done
 * orders kept besides; and every order, kept or not, found through the history.
 */
class OrderViewsRandomFlowTest {

    private static final int KEPT_DONE = 300;

    @ParameterizedTest
    @ValueSource(longs = {3, 11})
    void shouldKeepOpenOrdersAsLastReportedAndOnlyTheNewestDoneOnes(long seed) {
        LogicDriver engine = new LogicDriver();
        OrderViews views = new OrderViews(KEPT_DONE, 100);
        List<EngineEvent> journal = new ArrayList<>();
        views.history(listener -> journal.forEach(listener::onEvent));
        RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 300);
        Command command = new Command();
        for (int i = 0; i < 10_000; i++) {
            engine.advanceNanos(50_000_000L);
            for (EngineEvent event : engine.send(flow.next(command, engine.now()))) {
                EngineEvent copy = event.copy();
                journal.add(copy);
                views.onEvent(copy);
            }
        }
        Map<Long, EngineEvent> last = new LinkedHashMap<>();
        Map<Long, List<Long>> tradeIds = new HashMap<>();
        List<Long> doneInOrder = new ArrayList<>();
        for (EngineEvent e : journal) {
            if (e.orderId == 0 || e.type == EventType.CANCEL_REJECTED || e.type == EventType.AMEND_REJECTED
                    || e.rejectReason == RejectReason.DUPLICATE_CLORDID) {
                continue;
            }
            EngineEvent before = last.put(e.orderId, e);
            if (!e.status.isOpen() && (before == null || before.status.isOpen())) {
                doneInOrder.add(e.orderId);
            }
            if (e.type == EventType.ORDER_FILLED) {
                tradeIds.computeIfAbsent(e.orderId, id -> new ArrayList<>()).add(e.tradeId);
            }
        }
        List<Long> keptDone = doneInOrder.subList(Math.max(0, doneInOrder.size() - KEPT_DONE), doneInOrder.size());
        int open = 0;
        for (EngineEvent expected : last.values()) {
            boolean kept = expected.status.isOpen() || keptDone.contains(expected.orderId);
            open += expected.status.isOpen() ? 1 : 0;
            assertEquals(kept, views.findKept(expected.orderId).isPresent(), "kept: order " + expected.orderId);
            if (!kept && expected.orderId % 50 != 0) {
                continue; // each look-up of an order no longer kept reads the whole history: a sample of them
            }
            OrderViews.View view = views.find(expected.orderId).orElseThrow();
            assertEquals(fields(expected), fields(view.state()));
            assertEquals(tradeIds.getOrDefault(expected.orderId, List.of()), view.fills().stream().map(f -> f.tradeId).toList());
            if (kept && expected.clOrdId.length() > 0) {
                String clOrdId = expected.clOrdId.toString();
                assertEquals(clOrdId, views.findByClOrdId(expected.accountId, clOrdId).orElseThrow().state().clOrdId.toString());
            }
        }
        assertTrue(open > 50 && doneInOrder.size() > 10 * KEPT_DONE, "a flow with open orders and many more done ones");
    }

    private static String fields(EngineEvent e) {
        return e.orderId + " " + e.clOrdId + " " + e.accountId + " " + e.symbolId + " " + e.side + " " + e.orderType + " "
                + e.timeInForce + " " + e.stpMode + " " + e.postOnly + " " + e.price + " " + e.qty + " " + e.filledQty + " "
                + e.filledNotional + " " + e.expireTimeNanos + " " + e.createdTimeNanos + " " + e.eventTimeNanos + " " + e.status
                + " " + e.rejectReason + " " + e.cancelReason + " " + e.execId;
    }
}
