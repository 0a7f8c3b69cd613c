package io.ringbook.engine.book;

/** The orders resting at one price, in time priority, with their total open quantity. */
public final class PriceLevel {

    long price;
    long totalQty;
    int orderCount;
    Order head;
    Order tail;
    /** Link in the side's pool of unused levels. */
    PriceLevel nextFree;

    public long price() {
        return price;
    }

    public long totalQty() {
        return totalQty;
    }

    public int orderCount() {
        return orderCount;
    }

    /** The order with time priority at this price. */
    public Order head() {
        return head;
    }

    void append(Order order) {
        order.level = this;
        order.prevInLevel = tail;
        order.nextInLevel = null;
        if (tail == null) {
            head = order;
        } else {
            tail.nextInLevel = order;
        }
        tail = order;
        orderCount++;
        totalQty += order.leavesQty();
    }

    void unlink(Order order) {
        if (order.prevInLevel == null) {
            head = order.nextInLevel;
        } else {
            order.prevInLevel.nextInLevel = order.nextInLevel;
        }
        if (order.nextInLevel == null) {
            tail = order.prevInLevel;
        } else {
            order.nextInLevel.prevInLevel = order.prevInLevel;
        }
        order.level = null;
        order.prevInLevel = null;
        order.nextInLevel = null;
        orderCount--;
        totalQty -= order.leavesQty();
    }

    void reset(long levelPrice) {
        price = levelPrice;
        totalQty = 0;
        orderCount = 0;
        head = null;
        tail = null;
    }
}
