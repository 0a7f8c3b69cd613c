package io.ringbook.engine.logic;

import io.ringbook.engine.book.Order;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.RejectReason;

/**
 * Pre-trade risk as the business logic calls it: on its own thread, after every earlier
 * fill and cancel, before matching. Returning anything but {@link RejectReason#NONE}
 * refuses the command with that reason and changes nothing. The risk module implements
 * it; {@link #ACCEPT_ALL} stands in until it does and in tests of matching alone.
 */
public interface PreTradeCheck {

    PreTradeCheck ACCEPT_ALL = new PreTradeCheck() {
        @Override
        public RejectReason checkNewOrder(Command order) {
            return RejectReason.NONE;
        }

        @Override
        public RejectReason checkAmend(Command amend, Order order) {
            return RejectReason.NONE;
        }
    };

    RejectReason checkNewOrder(Command order);

    /** {@code amend} carries the new price and qty (0 = unchanged); {@code order} is as it stands. */
    RejectReason checkAmend(Command amend, Order order);
}
