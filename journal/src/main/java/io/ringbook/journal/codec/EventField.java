package io.ringbook.journal.codec;

import io.ringbook.engine.event.EngineEvent;

import java.util.Set;

/**
 * The one table of the fields an event record carries, in record order, each with how it
 * is written. {@link EventCodec} derives the layout from it: a field is written only when
 * it differs from its value in a cleared {@link EngineEvent}, so a new field is one
 * constant here, and the compiler insists on its arms in {@link #get} and {@link #set}
 * (switches over this enum are exhaustive). Every field of {@code EngineEvent} is here
 * or named in {@link #NOT_JOURNALED}, which a test checks by reflection.
 */
enum EventField {
    CORRELATION_ID(Kind.NUMBER),
    INGRESS(Kind.TIME),
    LAST_OF_COMMAND(Kind.FLAG),
    ACCOUNT_ID(Kind.NUMBER),
    SYMBOL_ID(Kind.NUMBER),
    EXEC_ID(Kind.NUMBER),
    ORDER_ID(Kind.NUMBER),
    SIDE(Kind.CODE),
    ORDER_TYPE(Kind.CODE),
    TIME_IN_FORCE(Kind.CODE),
    STP_MODE(Kind.CODE),
    POST_ONLY(Kind.FLAG),
    PRICE(Kind.NUMBER),
    QTY(Kind.NUMBER),
    FILLED_QTY(Kind.NUMBER),
    FILLED_NOTIONAL(Kind.NUMBER),
    EXPIRE_TIME(Kind.TIME),
    CREATED_TIME(Kind.TIME),
    STATUS(Kind.CODE),
    REJECT_REASON(Kind.CODE),
    CANCEL_REASON(Kind.CODE),
    TRADE_ID(Kind.NUMBER),
    LAST_PRICE(Kind.NUMBER),
    LAST_QTY(Kind.NUMBER),
    FEE(Kind.NUMBER),
    LIQUIDITY(Kind.CODE),
    BOOK_SEQUENCE(Kind.NUMBER),
    COUNT(Kind.NUMBER),
    BREAKER_KIND(Kind.CODE),
    BREAKER_STATE(Kind.CODE),
    HEALTH_SCORE(Kind.NUMBER),
    ACTIVE(Kind.FLAG),
    CL_ORD_ID(Kind.ID),
    REQUEST_CL_ORD_ID(Kind.ID),
    LIMITS(Kind.LIMITS);

    /** How a field's value is written when it is present. */
    enum Kind {
        /** zigzag varint */
        NUMBER,
        /** zigzag varint of the difference to the record's event time (a time next to it is one or a few bytes) */
        TIME,
        /** an enum: varint of ordinal + 1 (0 = none) */
        CODE,
        /** a boolean: its presence bit is the value, no bytes */
        FLAG,
        /** a client order id: length byte and that many ASCII bytes */
        ID,
        /** an account's limits ({@link LimitsCodec}); the last field, so nothing has to find its end */
        LIMITS
    }

    /** {@code EngineEvent} fields that are never written: wall-clock stamps of one run, and the type and header fields. */
    static final Set<String> NOT_JOURNALED = Set.of("type", "sequence", "eventTimeNanos",
            "journaledNanos", "decidedNanos");

    static final EventField[] ALL = values();
    /** Bytes of the presence bitmap in front of the fields. */
    static final int BITMAP_BYTES = (ALL.length + 7) / 8;

    final Kind kind;
    /** The field's bit in the presence bitmap: a field, not {@code 1L << ordinal()} at each use, which the encoder's size kept the compiler from inlining. */
    final long bit;
    /** The field's value in a cleared event, as {@link #get} gives it: a field at its default is not written. */
    long absent;

    EventField(Kind kind) {
        this.kind = kind;
        this.bit = 1L << ordinal();
    }

    static {
        EngineEvent cleared = new EngineEvent().clear();
        for (EventField field : ALL) {
            field.absent = field.get(cleared);
        }
    }

    boolean presentIn(EngineEvent e) {
        return get(e) != absent;
    }

    /** The field as a number: enums as codes, booleans 0/1, an id its length, limits 0/1 for absent/present. */
    long get(EngineEvent e) {
        return switch (this) {
            case CORRELATION_ID -> e.correlationId;
            case INGRESS -> e.ingressNanos;
            case LAST_OF_COMMAND -> e.lastOfCommand ? 1 : 0;
            case ACCOUNT_ID -> e.accountId;
            case SYMBOL_ID -> e.symbolId;
            case EXEC_ID -> e.execId;
            case ORDER_ID -> e.orderId;
            case SIDE -> Fields.code(e.side);
            case ORDER_TYPE -> Fields.code(e.orderType);
            case TIME_IN_FORCE -> Fields.code(e.timeInForce);
            case STP_MODE -> Fields.code(e.stpMode);
            case POST_ONLY -> e.postOnly ? 1 : 0;
            case PRICE -> e.price;
            case QTY -> e.qty;
            case FILLED_QTY -> e.filledQty;
            case FILLED_NOTIONAL -> e.filledNotional;
            case EXPIRE_TIME -> e.expireTimeNanos;
            case CREATED_TIME -> e.createdTimeNanos;
            case STATUS -> Fields.code(e.status);
            case REJECT_REASON -> Fields.code(e.rejectReason);
            case CANCEL_REASON -> Fields.code(e.cancelReason);
            case TRADE_ID -> e.tradeId;
            case LAST_PRICE -> e.lastPrice;
            case LAST_QTY -> e.lastQty;
            case FEE -> e.fee;
            case LIQUIDITY -> Fields.code(e.liquidity);
            case BOOK_SEQUENCE -> e.bookSequence;
            case COUNT -> e.count;
            case BREAKER_KIND -> Fields.code(e.breakerKind);
            case BREAKER_STATE -> Fields.code(e.breakerState);
            case HEALTH_SCORE -> e.healthScore;
            case ACTIVE -> e.active ? 1 : 0;
            case CL_ORD_ID -> e.clOrdId.length();
            case REQUEST_CL_ORD_ID -> e.requestClOrdId.length();
            case LIMITS -> e.limits == null ? 0 : 1;
        };
    }

    /** Sets a field of kind NUMBER, TIME, CODE or FLAG from its number; ids and limits are read by the codec. */
    void set(EngineEvent e, long v) {
        switch (this) {
            case CORRELATION_ID -> e.correlationId = v;
            case INGRESS -> e.ingressNanos = v;
            case LAST_OF_COMMAND -> e.lastOfCommand = v != 0;
            case ACCOUNT_ID -> e.accountId = Fields.toInt(v);
            case SYMBOL_ID -> e.symbolId = Fields.toInt(v);
            case EXEC_ID -> e.execId = v;
            case ORDER_ID -> e.orderId = v;
            case SIDE -> e.side = Fields.enumOf(v, Fields.SIDES);
            case ORDER_TYPE -> e.orderType = Fields.enumOf(v, Fields.ORDER_TYPES);
            case TIME_IN_FORCE -> e.timeInForce = Fields.enumOf(v, Fields.TIMES_IN_FORCE);
            case STP_MODE -> e.stpMode = Fields.enumOf(v, Fields.STP_MODES);
            case POST_ONLY -> e.postOnly = v != 0;
            case PRICE -> e.price = v;
            case QTY -> e.qty = v;
            case FILLED_QTY -> e.filledQty = v;
            case FILLED_NOTIONAL -> e.filledNotional = v;
            case EXPIRE_TIME -> e.expireTimeNanos = v;
            case CREATED_TIME -> e.createdTimeNanos = v;
            case STATUS -> e.status = Fields.enumOf(v, Fields.ORDER_STATUSES);
            case REJECT_REASON -> e.rejectReason = Fields.enumOf(v, Fields.REJECT_REASONS);
            case CANCEL_REASON -> e.cancelReason = Fields.enumOf(v, Fields.CANCEL_REASONS);
            case TRADE_ID -> e.tradeId = v;
            case LAST_PRICE -> e.lastPrice = v;
            case LAST_QTY -> e.lastQty = v;
            case FEE -> e.fee = v;
            case LIQUIDITY -> e.liquidity = Fields.enumOf(v, Fields.LIQUIDITIES);
            case BOOK_SEQUENCE -> e.bookSequence = v;
            case COUNT -> e.count = Fields.toInt(v);
            case BREAKER_KIND -> e.breakerKind = Fields.enumOf(v, Fields.BREAKER_KINDS);
            case BREAKER_STATE -> e.breakerState = Fields.enumOf(v, Fields.BREAKER_STATES);
            case HEALTH_SCORE -> e.healthScore = Fields.toInt(v);
            case ACTIVE -> e.active = v != 0;
            case CL_ORD_ID, REQUEST_CL_ORD_ID, LIMITS -> throw new IllegalStateException(this + " is read by the codec");
        }
    }
}
