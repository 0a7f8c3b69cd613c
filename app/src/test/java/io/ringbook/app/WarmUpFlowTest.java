package io.ringbook.app;

import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Profile;
import io.ringbook.app.profile.ProfileFile;
import io.ringbook.app.profile.ProfileFileTest;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.testing.RecordingSink;
import io.ringbook.risk.RiskBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm-up's session runs the code a trading day runs, not only its refusals: through
 * the demo profile's business logic under the scratch engine's limits, it rests, fills,
 * replaces and cancels orders on every symbol, and few of its commands are refused.
 */
class WarmUpFlowTest {

    private static final int COMMANDS = 20_000;
    private static final long NANOS_PER_COMMAND = 5_000;

    /** The demo profile, and the example configuration (a throttle of 100 orders/s, a reject storm at 50, a symbol with trading hours). */
    static Stream<Profile> profiles() {
        return Stream.of(DemoProfile.profile(), ProfileFile.read(ProfileFileTest.EXAMPLE, ProfileFileTest.ENVIRONMENT::get));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void shouldRestFillReplaceAndCancelOnEverySymbolWithFewRefusals(Profile profile) {
        Profile scratch = WarmUp.scratchProfile(profile, COMMANDS);
        RecordingSink sink = new RecordingSink();
        BusinessLogic logic = EngineLogic.live(new RiskBoard(scratch.referenceData().risk()), 1 << 12, COMMANDS)
                .apply(scratch.referenceData(), sink);
        WarmUpFlow flow = new WarmUpFlow(scratch.referenceData());
        Command command = new Command();
        long sequence = 0;
        for (int i = 0; i < COMMANDS; i++) {
            flow.write(command.clear());
            command.sequence = ++sequence;
            command.eventTimeNanos = sequence * NANOS_PER_COMMAND;
            logic.process(command);
        }
        List<EngineEvent> events = sink.events();
        Map<EventType, Long> byType = events.stream().collect(Collectors.groupingBy(e -> e.type, () -> new EnumMap<>(EventType.class),
                Collectors.counting()));
        for (EventType expected : List.of(EventType.ORDER_ACCEPTED, EventType.ORDER_FILLED, EventType.ORDER_REPLACED,
                EventType.ORDER_CANCELED, EventType.MASS_CANCEL_DONE)) {
            assertTrue(byType.getOrDefault(expected, 0L) > COMMANDS / 100, expected + " in " + byType);
        }
        long accepted = byType.get(EventType.ORDER_ACCEPTED);
        long refused = byType.getOrDefault(EventType.ORDER_REJECTED, 0L);
        assertTrue(refused * 10 < accepted, "refusals " + refused + " against " + accepted + " accepted: " + refusals(events));
        long amendsRefused = byType.getOrDefault(EventType.AMEND_REJECTED, 0L);
        assertTrue(amendsRefused * 2 < byType.get(EventType.ORDER_REPLACED), "amends refused (of orders already filled): " + byType);
        int symbols = scratch.referenceData().symbols().all().size();
        long symbolsTraded = events.stream().filter(e -> e.type == EventType.ORDER_FILLED).mapToInt(e -> e.symbolId).distinct().count();
        assertEquals(symbols, symbolsTraded, "every symbol trades");
    }

    @Test
    void shouldBeTheSameSessionEveryTime() {
        Profile profile = DemoProfile.profile();
        WarmUpFlow first = new WarmUpFlow(profile.referenceData());
        WarmUpFlow second = new WarmUpFlow(profile.referenceData());
        Command a = new Command();
        Command b = new Command();
        for (int i = 0; i < 1_000; i++) {
            first.write(a.clear());
            second.write(b.clear());
            assertEquals(fields(a), fields(b), "command " + i);
        }
    }

    private static List<Object> fields(Command c) {
        return List.of(String.valueOf(c.type), c.accountId, c.symbolId, String.valueOf(c.side), String.valueOf(c.orderType),
                String.valueOf(c.timeInForce), c.postOnly, c.price, c.qty, c.orderId, c.clOrdId.toString(), c.origClOrdId.toString());
    }

    private static Map<RejectReason, Long> refusals(List<EngineEvent> events) {
        return events.stream().filter(e -> e.type == EventType.ORDER_REJECTED)
                .collect(Collectors.groupingBy(e -> e.rejectReason, Collectors.counting()));
    }
}
