package io.ringbook.app;

/** T1's limits in the demo profile, in the admin API's JSON shape (API.md): what GET returns and PUT takes. */
final class DemoLimits {

    static final String T1 = "{\"account\":\"T1\",\"maxOrderQty\":{\"*\":\"1000000\"},\"maxPosition\":{\"*\":null},"
            + "\"maxOrderNotional\":null,\"maxGrossNotional\":null,\"maxConcentrationPct\":null,\"maxOpenOrders\":10000,"
            + "\"maxOpenOrdersPerSymbol\":null,\"maxOrdersPerSecond\":10000,\"dailyLossLimit\":null}";

    private DemoLimits() {
    }
}
