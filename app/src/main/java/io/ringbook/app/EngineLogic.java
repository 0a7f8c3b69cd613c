package io.ringbook.app;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskEngine;

import java.util.function.BiFunction;

/**
 * How the app builds a business logic: always with the risk engine of the reference data
 * it is given, so that the live run, recovery and replay judge every order alike.
 */
final class EngineLogic {

    private EngineLogic() {
    }

    /** For the live engine and its recovery: risk state is published on {@code board} for the gateways and the admin API. */
    static BiFunction<ReferenceData, EventSink, BusinessLogic> live(RiskBoard board, int initialOrders, int clOrdIdsPerDay) {
        return (data, sink) -> new BusinessLogic(data.symbols(), data.accounts().size(), RiskEngine.factory(data.risk(), board),
                sink, initialOrders, clOrdIdsPerDay);
    }

    /** For replays: the configuration comes from the journal, and the board is the replay's own. */
    static BiFunction<ReferenceData, EventSink, BusinessLogic> replay(int initialOrders) {
        return (data, sink) -> live(new RiskBoard(data.risk()), initialOrders, initialOrders).apply(data, sink);
    }
}
