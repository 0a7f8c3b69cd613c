package io.ringbook.engine.domain;

/** LIMIT orders name a worst price and may rest; MARKET orders take what is there and never rest. */
public enum OrderType {
    LIMIT,
    MARKET
}
