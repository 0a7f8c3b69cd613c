package io.ringbook.journal.codec;

import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.event.EventType;

import java.util.Locale;

/**
 * What a journal record holds: one code per command type (1-15), the run's
 * configuration (16), a quarantine (17), and one per event type (32 and up). Codes are part of the journal
 * format and never change meaning.
 */
public enum RecordType {
    NEW_ORDER(1, CommandType.NEW_ORDER, null),
    CANCEL_ORDER(2, CommandType.CANCEL_ORDER, null),
    AMEND_ORDER(3, CommandType.AMEND_ORDER, null),
    MASS_CANCEL(4, CommandType.MASS_CANCEL, null),
    CANCEL_ALL_AFTER(5, CommandType.CANCEL_ALL_AFTER, null),
    CLOCK_TICK(6, CommandType.CLOCK_TICK, null),
    SNAPSHOT(7, CommandType.SNAPSHOT, null),
    HALT_SYMBOL(8, CommandType.HALT_SYMBOL, null),
    RESUME_SYMBOL(9, CommandType.RESUME_SYMBOL, null),
    TRIP_BREAKER(10, CommandType.TRIP_BREAKER, null),
    RESET_BREAKER(11, CommandType.RESET_BREAKER, null),
    KILL_SWITCH(12, CommandType.KILL_SWITCH, null),
    RELEASE_KILL_SWITCH(13, CommandType.RELEASE_KILL_SWITCH, null),
    SET_LIMITS(14, CommandType.SET_LIMITS, null),
    CANCEL_ON_DISCONNECT(15, CommandType.CANCEL_ON_DISCONNECT, null),
    /** The run's reference data, first in the input journal of every run. */
    CONFIG(16, null, null),
    /** An operator's order to skip one journaled command in recovery and replay ({@link QuarantineCodec}). */
    QUARANTINE(17, null, null),
    ORDER_ACCEPTED(32, null, EventType.ORDER_ACCEPTED),
    ORDER_REJECTED(33, null, EventType.ORDER_REJECTED),
    ORDER_FILLED(34, null, EventType.ORDER_FILLED),
    ORDER_CANCELED(35, null, EventType.ORDER_CANCELED),
    ORDER_EXPIRED(36, null, EventType.ORDER_EXPIRED),
    ORDER_REPLACED(37, null, EventType.ORDER_REPLACED),
    CANCEL_REJECTED(38, null, EventType.CANCEL_REJECTED),
    AMEND_REJECTED(39, null, EventType.AMEND_REJECTED),
    MASS_CANCEL_DONE(40, null, EventType.MASS_CANCEL_DONE),
    CANCEL_ALL_AFTER_SET(41, null, EventType.CANCEL_ALL_AFTER_SET),
    BOOK_LEVEL(42, null, EventType.BOOK_LEVEL),
    SNAPSHOT_TAKEN(43, null, EventType.SNAPSHOT_TAKEN),
    BREAKER_CHANGED(44, null, EventType.BREAKER_CHANGED),
    SYMBOL_STATUS(45, null, EventType.SYMBOL_STATUS),
    KILL_SWITCH_CHANGED(46, null, EventType.KILL_SWITCH_CHANGED),
    LIMITS_CHANGED(47, null, EventType.LIMITS_CHANGED),
    CONTROL_REJECTED(48, null, EventType.CONTROL_REJECTED);

    private static final RecordType[] BY_CODE = new RecordType[256];
    private static final RecordType[] BY_COMMAND = new RecordType[CommandType.values().length];
    private static final RecordType[] BY_EVENT = new RecordType[EventType.values().length];

    static {
        for (RecordType type : values()) {
            BY_CODE[type.code] = type;
            if (type.command != null) {
                BY_COMMAND[type.command.ordinal()] = type;
            }
            if (type.event != null) {
                BY_EVENT[type.event.ordinal()] = type;
            }
        }
    }

    private final int code;
    private final CommandType command;
    private final EventType event;

    RecordType(int code, CommandType command, EventType event) {
        this.code = code;
        this.command = command;
        this.event = event;
    }

    public int code() {
        return code;
    }

    public boolean isCommand() {
        return command != null;
    }

    /**
     * A record of the input journal that is not a command (CONFIG, QUARANTINE): it carries
     * the sequence of the command it follows rather than one of its own.
     */
    public boolean followsACommand() {
        return this == CONFIG || this == QUARANTINE;
    }

    public boolean isEvent() {
        return event != null;
    }

    public CommandType command() {
        return command;
    }

    public EventType event() {
        return event;
    }

    public static RecordType of(int code) {
        RecordType type = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (type == null) {
            throw new JournalFormatException("unknown record type code " + code);
        }
        return type;
    }

    public static RecordType of(CommandType type) {
        return BY_COMMAND[type.ordinal()];
    }

    public static RecordType of(EventType type) {
        return BY_EVENT[type.ordinal()];
    }

    /** Parses a name as typed by a user: {@code new_order}, {@code ORDER-FILLED}. */
    public static RecordType parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
