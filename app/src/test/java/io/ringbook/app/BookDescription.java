package io.ringbook.app;

import io.ringbook.engine.book.Order;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.logic.BusinessLogic;

/** The whole observable state of the demo engine in one line: every book in queue order, positions, counters. */
final class BookDescription {

    private BookDescription() {
    }

    static String of(BusinessLogic logic) {
        StringBuilder text = new StringBuilder();
        for (int symbol = 0; symbol < 3; symbol++) {
            for (Side side : Side.values()) {
                var levels = logic.book(symbol).side(side);
                for (int depth = 0; depth < levels.levelCount(); depth++) {
                    var level = levels.level(depth);
                    text.append(symbol).append(side).append(level.price()).append('[');
                    for (Order order = level.head(); order != null; order = order.nextInLevel()) {
                        text.append(order.orderId).append('/').append(order.leavesQty()).append(' ');
                    }
                    text.append("] ");
                }
            }
            for (int account = 0; account < 4; account++) {
                text.append("pos").append(symbol).append('.').append(account).append('=')
                        .append(logic.positions().qty(account, symbol)).append('/')
                        .append(logic.positions().realizedPnl(account, symbol)).append(' ');
            }
        }
        return text.append("orders=").append(logic.orders().lastOrderId()).append(" trades=").append(logic.lastTradeId()).toString();
    }
}
