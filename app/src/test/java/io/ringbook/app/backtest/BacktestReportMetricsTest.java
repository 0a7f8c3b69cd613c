package io.ringbook.app.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringbook.app.profile.DemoProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each metric of the backtest report, in the JSON and the HTML report alike, on an order
 * file worked out by hand: T1 buys 10 TEST at 100 from T2; T3 sells 1 to T4 at 110 (the
 * last trade: every holder is marked at 110); T3 bids for 0.5 BTC (5,000 lots) that never
 * fill; T4 sends an order over its limit; a cross at 160 trips the volatility breaker
 * instead of trading, and T4's next order meets the open breaker.
 */
class BacktestReportMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode json;
    private String html;

    @BeforeEach
    void run() throws Exception {
        Path file = dir.resolve("orders.csv");
        OrderFiles.write(file,
                "2026-11-23T10:00:00Z,NEW,T2,s-1,,TEST,SELL,LIMIT,100,10,GTC",
                "2026-11-23T10:00:01Z,NEW,T1,b-1,,TEST,BUY,LIMIT,100,10,GTC",
                "2026-11-23T10:00:02Z,NEW,T3,s-2,,TEST,SELL,LIMIT,110,1,GTC",
                "2026-11-23T10:00:03Z,NEW,T4,b-2,,TEST,BUY,LIMIT,110,1,GTC",
                "2026-11-23T10:00:04Z,NEW,T3,btc-1,,BTC-USD,BUY,LIMIT,30000,0.5,GTC",
                "2026-11-23T10:00:05Z,NEW,T4,big-1,,TEST,BUY,LIMIT,100,2000000,GTC",
                "2026-11-23T10:00:06Z,NEW,T3,s-3,,TEST,SELL,LIMIT,160,1,GTC",
                "2026-11-23T10:00:07Z,NEW,T4,b-3,,TEST,BUY,LIMIT,160,1,GTC",
                "2026-11-23T10:00:08Z,NEW,T4,late-1,,TEST,BUY,LIMIT,100,1,GTC");
        BacktestRun run = new BacktestRun(DemoProfile.referenceData(), null, new PrintStream(new ByteArrayOutputStream()));
        run.orders(file, false);
        run.report(dir.resolve("report.json"));
        run.report(dir.resolve("report.html"));
        json = JSON.readTree(dir.resolve("report.json").toFile());
        html = Files.readString(dir.resolve("report.html"));
    }

    @Test
    void breakerTripsAreKeyedByTheBreakersName() {
        assertEquals(1, json.at("/breakerTrips/volatility:TEST").asInt(), json.get("breakerTrips").toString());
        assertTrue(html.contains("Breaker trips: volatility:TEST 1"), html);
    }

    @Test
    void rejectsReadAsWordsNotAsJavaMaps() {
        assertEquals(1, json.at("/accounts/T4/rejects/MAX_ORDER_QTY").asInt(), json.at("/accounts/T4").toString());
        assertTrue(html.contains("<td>T4</td><td class=\"text\">BREAKER_OPEN 1, MAX_ORDER_QTY 1</td>"), html);
        assertTrue(html.contains("<td>T1</td><td class=\"text\">none</td>"));
        assertFalse(html.contains("=1}") || html.contains("{BREAKER") || html.contains("{MAX"), "no map printed raw");
    }

    @Test
    void fillRatioIsPerSymbolNeverAddingLotsOfDifferentSizes() {
        assertEquals(2, json.at("/accounts/T3/fillRatio").size(), json.at("/accounts/T3").toString());
        assertEquals(0.5, json.at("/accounts/T3/fillRatio/TEST").asDouble(), "T3 sold 1 of its 2 TEST lots");
        assertEquals(0.0, json.at("/accounts/T3/fillRatio/BTC-USD").asDouble(), "and none of its 5,000 BTC lots");
        assertEquals(1.0, json.at("/accounts/T1/fillRatio/TEST").asDouble());
        assertTrue(json.at("/overall/fillRatio/TEST").asDouble() < 1, json.at("/overall").toString());
        assertTrue(html.contains("<td>T3</td><td>0</td><td>3</td><td>1</td><td>BTC-USD 0.0, TEST 0.5</td>"), html);
    }

    @Test
    void pnlMarksEveryAccountAtTheSymbolsLastTrade() {
        assertEquals("100", json.at("/accounts/T1/pnl").asText(), "long 10 from 100, marked at the last trade, 110, not at its own fill");
        assertEquals("-100", json.at("/accounts/T2/pnl").asText(), "short 10 from 100");
        assertEquals("0", json.at("/accounts/T3/pnl").asText(), "sold 1 at 110, marked at 110");
        assertEquals("0", json.at("/overall/pnl").asText());
        assertTrue(html.contains("<td>T1</td><td>100</td>"), html);
    }

    @Test
    void rejectedOrdersAreListedByOrderIdClOrdIdAndSymbol() {
        JsonNode rejected = json.get("rejectedOrders");
        assertEquals(2, rejected.size(), rejected.toString());
        JsonNode big = rejected.get(0);
        assertEquals("big-1", big.get("clOrdId").asText());
        assertEquals("TEST", big.get("symbol").asText());
        assertEquals("T4", big.get("account").asText());
        assertEquals("MAX_ORDER_QTY", big.get("reason").asText());
        assertTrue(big.get("orderId").asLong() > 0);
        assertEquals("late-1", rejected.get(1).get("clOrdId").asText());
        assertEquals("BREAKER_OPEN", rejected.get(1).get("reason").asText());
        assertTrue(html.contains("<td class=\"text\">" + big.get("orderId").asLong() + "</td><td class=\"text\">big-1</td>"
                + "<td class=\"text\">T4</td><td class=\"text\">TEST</td><td class=\"text\">MAX_ORDER_QTY</td>"), html);
    }
}
