package io.ringbook.engine.domain;

/**
 * What the business logic is built from: the symbols and the accounts. Journaled at the
 * start of every run, so that a replay builds exactly the engine that ran.
 */
public record ReferenceData(SymbolTable symbols, AccountTable accounts) {
}
