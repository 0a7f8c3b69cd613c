package io.ringbook.journal;

import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.limits.AccountLimits;

import java.util.Map;

/**
 * How an audit line shows an account's limits. The admin API's limits document lives at
 * the JSON edge (the web module), which the journal does not depend on; the callers that
 * speak JSON to people (the admin API's audit, the {@code journal} command) hand it in,
 * and without it a line shows the limits as stored.
 */
@FunctionalInterface
public interface LimitsShape {

    /** The limits as a JSON object's fields (maps, strings, numbers, null). */
    Map<String, Object> of(String account, AccountLimits limits, SymbolTable symbols);
}
