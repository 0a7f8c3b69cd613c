package io.ringbook.engine.logic;

import io.ringbook.engine.book.OpenExposure;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.position.PositionBook;

/**
 * What the business logic lets its pre-trade check see and do: read positions and open
 * exposure (the same objects matching updates, so risk is never behind), cancel orders
 * for a kill switch, and report its own outcomes as events of the current command.
 */
public interface RiskContext {

    SymbolTable symbols();

    int accounts();

    PositionBook positions();

    OpenExposure exposure();

    /** Cancels the open orders of an account, or of every account for {@code accountId < 0}; returns how many. */
    int cancelAll(int accountId, CancelReason reason);

    RiskEvents report();
}
