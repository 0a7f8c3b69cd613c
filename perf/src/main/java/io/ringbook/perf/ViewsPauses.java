package io.ringbook.perf;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.views.ReadModels;
import io.ringbook.views.ViewsSnapshots;
import io.ringbook.views.orders.OrderViews;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long the read models stop the outbound thread (their only writer):
 * {@code ViewsPauses snapshot OPEN} fills them with OPEN open orders and the fixed rings
 * of done orders, then times a read-model snapshot's part on the calling thread, which
 * stands for the outbound thread; {@code ViewsPauses readers} times every event the
 * writer applies while other threads keep walking the newest 65,536 done orders (an
 * account's order list) and the kept fills, and prints the writer's worst stall. Outside
 * {@code mvn verify}; run with the launcher's heap (2 GiB).
 */
public final class ViewsPauses {

    private static final int ACCOUNTS = 8;

    private ViewsPauses() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "snapshot" -> snapshot(Integer.parseInt(args[1]));
            case "readers" -> readers(args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000);
            default -> throw new IllegalArgumentException("snapshot OPEN | readers [EVENTS]");
        }
    }

    private static void snapshot(int open) throws Exception {
        ReadModels models = new ReadModels(ACCOUNTS, 2, EpochClock.system());
        EngineEvent e = new EngineEvent().clear();
        long orderId = 0;
        for (; orderId < OrderViews.KEPT_DONE; orderId++) {
            order(models, e, orderId + 1, EventType.ORDER_CANCELED, OrderStatus.CANCELED);
        }
        for (int i = 0; i < open; i++) {
            order(models, e, ++orderId, EventType.ORDER_ACCEPTED, OrderStatus.NEW);
        }
        Path dir = Files.createTempDirectory("views-pauses");
        EngineEvent taken = new EngineEvent().clear();
        taken.type = EventType.SNAPSHOT_TAKEN;
        for (int round = 1; round <= 5; round++) {
            taken.sequence = round;
            System.gc();
            long pause;
            long started = System.nanoTime();
            try (ViewsSnapshots snapshots = new ViewsSnapshots(dir, models)) {
                snapshots.onEvent(taken);
                pause = System.nanoTime() - started;
            } // waits for the file, so that rounds do not overlap
            System.out.printf("snapshot %d: outbound thread busy %,d us with %,d open orders; file written after %,d ms%n", round,
                    pause / 1_000, open, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void readers(int events) throws Exception {
        ReadModels models = new ReadModels(ACCOUNTS, 2, EpochClock.system());
        OrderViews orders = models.orders();
        EngineEvent e = new EngineEvent().clear();
        long orderId = 0;
        for (; orderId < OrderViews.KEPT_DONE; orderId++) {
            order(models, e, orderId + 1, EventType.ORDER_CANCELED, OrderStatus.CANCELED);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong walks = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (running.get()) {
                orders.list(0, Set.of(OrderStatus.CANCELED), state -> false, 100);
                walks.incrementAndGet();
            }
        }, "reader");
        reader.start();
        long worst = 0;
        long total = 0;
        for (int i = 0; i < events; i++) {
            long started = System.nanoTime();
            order(models, e, ++orderId, EventType.ORDER_CANCELED, OrderStatus.CANCELED);
            long took = System.nanoTime() - started;
            total += took;
            worst = Math.max(worst, took);
        }
        running.set(false);
        reader.join();
        System.out.printf("writer: %,d done orders applied, mean %,d ns, worst stall %,d us, while a reader walked the 65,536"
                + " kept done orders %,d times%n", events, total / events, worst / 1_000, walks.get());
    }

    private static void order(ReadModels models, EngineEvent e, long orderId, EventType type, OrderStatus status) {
        e.clear();
        e.type = type;
        e.orderId = orderId;
        e.execId = orderId;
        e.accountId = (int) (orderId % ACCOUNTS);
        e.symbolId = (int) (orderId & 1);
        e.side = (orderId & 2) == 0 ? Side.BUY : Side.SELL;
        e.orderType = OrderType.LIMIT;
        e.timeInForce = TimeInForce.GTC;
        e.price = 1_000 + orderId % 2_000;
        e.qty = 5;
        e.status = status;
        e.rejectReason = RejectReason.NONE;
        e.eventTimeNanos = 1_000_000_000L * 86_400 * 20_000 + orderId;
        e.clOrdId.set("c" + Long.toString(orderId, 36));
        for (EngineListener listener : models.listeners()) {
            listener.onEvent(e);
        }
    }
}
