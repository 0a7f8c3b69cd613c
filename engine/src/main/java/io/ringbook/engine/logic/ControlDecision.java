package io.ringbook.engine.logic;

/**
 * What pre-trade risk asks the business logic to carry out after an operator command.
 * Risk decides and returns; the logic, which owns the book, acts. Risk never calls back
 * into the logic, and the answer is a constant: nothing is allocated per command.
 */
public enum ControlDecision {

    /** Risk did all the command asks and reported it. */
    DONE,

    /**
     * A kill switch was engaged: cancel the open orders of the command's account (of
     * every account for a negative account id) with reason {@code KILL_SWITCH}, in the
     * account's orderId order, then report the switch with how many were canceled.
     */
    CANCEL_FOR_KILL_SWITCH
}
