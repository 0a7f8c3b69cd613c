package io.ringbook.engine.logic;

import io.ringbook.engine.book.OpenExposure;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.position.PositionBook;

/**
 * What the business logic lets its pre-trade check see and do: read positions and open
 * exposure (the same objects matching updates, so risk is never behind) and report its
 * own outcomes as events of the current command. It cannot change orders: what risk
 * wants done to them it returns as a {@link ControlDecision}.
 */
public interface RiskContext {

    SymbolTable symbols();

    int accounts();

    PositionBook positions();

    OpenExposure exposure();

    RiskEvents report();
}
