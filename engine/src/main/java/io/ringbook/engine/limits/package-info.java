/**
 * The vocabulary of pre-trade risk that commands, events and the journal carry: limits,
 * price protections and breaker names and states (their JSON form is the web module's
 * {@code LimitsDocument}). The checks themselves live in the
 * risk module, behind {@link io.ringbook.engine.logic.PreTradeCheck}.
 */
package io.ringbook.engine.limits;
