package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine in a process of its own for {@link CrashRecoveryTest}, driven through
 * stdin and answering on stdout:
 * {@code ORDER account side price qty} is acknowledged {@code ACK orderId status filledQty}
 * once decided; {@code DUMP} waits until everything sent is decided and prints
 * {@code BOOK <state>}. The test kills it with SIGKILL.
 */
public final class CrashTestServer {

    private CrashTestServer() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true);
        RunningEngine engine = RunningEngine.startDemo(Path.of(args[0]), false,
                PipelineConfig.DEFAULTS.withClockTickMillis(0), Durability.PROCESS_CRASH, Ports.any());
        AtomicLong pending = new AtomicLong();
        out.println("READY " + engine.recovery().lastSequence());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] f = line.split(" ");
            if (f[0].equals("ORDER")) {
                int account = Integer.parseInt(f[1]);
                Side side = Side.valueOf(f[2]);
                long price = Long.parseLong(f[3]);
                long qty = Long.parseLong(f[4]);
                pending.incrementAndGet();
                engine.pipeline().publisher().submit(slot -> slot.newOrder(account, 2, side, OrderType.LIMIT, TimeInForce.GTC, price, qty))
                        .thenAccept(events -> {
                            EngineEvent own = events.get(0);
                            for (EngineEvent event : events) {
                                if (event.orderId == own.orderId) {
                                    own = event;
                                }
                            }
                            synchronized (out) {
                                out.println("ACK " + own.orderId + " " + own.status + " " + own.filledQty);
                            }
                            pending.decrementAndGet();
                        });
            } else if (f[0].equals("DUMP")) {
                while (pending.get() > 0 || !engine.pipeline().isIdle()) {
                    Thread.sleep(1);
                }
                synchronized (out) {
                    out.println("BOOK " + BookDescription.of(engine.pipeline().logic()));
                }
            }
        }
    }
}
