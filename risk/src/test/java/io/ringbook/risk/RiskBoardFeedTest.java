package io.ringbook.risk;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A board fed only with a risk engine's events shows what the engine's own board shows:
 * halts, kill switches (with their start) and breakers, after each control command.
 */
class RiskBoardFeedTest {

    @Test
    void aBoardFedFromEventsMatchesTheEnginesOwnBoard() {
        SymbolTable symbols = DemoMarket.symbols();
        RiskSettings settings = RiskSettings.none(symbols.size(), DemoMarket.ACCOUNTS);
        RiskBoard live = new RiskBoard(settings);
        RiskBoard fed = new RiskBoard(settings);
        BusinessLogic logic = new BusinessLogic(symbols, DemoMarket.ACCOUNTS, RiskEngine.factory(settings, live),
                new ListenerSink(new RiskBoardFeed(fed)), 64);
        Command command = new Command();
        long[] time = {1_000_000_000L};
        java.util.function.Consumer<Command> send = c -> {
            c.sequence = time[0];
            c.eventTimeNanos = time[0]++;
            logic.process(c);
        };
        send.accept(command.haltSymbol(DemoMarket.TEST, true));
        send.accept(command.killSwitch(1, true));
        send.accept(command.killSwitch(1, true));
        send.accept(command.killSwitch(-1, true));
        send.accept(command.breaker(BreakerKind.VOLATILITY, DemoMarket.BTC, true));
        assertSame(symbols.size(), live, fed);
        send.accept(command.killSwitch(-1, false));
        send.accept(command.haltSymbol(DemoMarket.TEST, false));
        send.accept(command.breaker(BreakerKind.VOLATILITY, DemoMarket.BTC, false));
        assertSame(symbols.size(), live, fed);
    }

    private static void assertSame(int symbols, RiskBoard live, RiskBoard fed) {
        for (int s = 0; s < symbols; s++) {
            assertEquals(live.halted(s), fed.halted(s), "halt of symbol " + s);
            assertEquals(live.breaker(BreakerKind.VOLATILITY, s), fed.breaker(BreakerKind.VOLATILITY, s), "breaker of symbol " + s);
        }
        for (int a = -1; a < DemoMarket.ACCOUNTS; a++) {
            assertEquals(live.killSwitch(a), fed.killSwitch(a), "kill switch " + a);
        }
    }
}
