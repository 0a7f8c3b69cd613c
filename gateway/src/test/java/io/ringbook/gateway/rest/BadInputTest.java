package io.ringbook.gateway.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.ringbook.gateway.rest.GatewayFixture.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken bodies: each gets its 4xx and code, never a 500, nothing reaches
 * the engine, and the gateway still takes a good order afterwards.
 */
class BadInputTest {

    private static final String GOOD = "{\"clOrdId\":\"ok\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"7\",\"qty\":\"1\"}";

    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @AfterEach
    void engineUntouched() throws Exception {
        assertEquals("[]", gateway.get(null, "/api/v1/book/TEST").body().get("bids").toString(), "nothing reached the engine");
        assertEquals(201, gateway.post("t1-key", GOOD).status(), "still serving orders");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong type for price      | INVALID_PRICE   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':true,'qty':'1'}",
        "wrong type for symbol     | INVALID_FIELD   | {'clOrdId':'a','symbol':7,'side':'BUY','type':'LIMIT','price':'1','qty':'1'}",
        "wrong type for postOnly   | INVALID_FIELD   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1','postOnly':'yes'}",
        "Infinity                  | INVALID_PRICE   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'Infinity','qty':'1'}",
        "negative qty              | INVALID_QTY     | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'-1'}",
        "negative price            | INVALID_PRICE   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'-5','qty':'1'}",
        "huge number               | INVALID_QTY     | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':99999999999999999999999999}",
        "price x qty overflows     | INVALID_ORDER   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'4000000000000000000','qty':'3'}",
        "tiny exponent             | INVALID_PRICE   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1e-999999','qty':'1'}",
        "unicode clOrdId           | INVALID_CLORDID | {'clOrdId':'ordre-é','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1'}",
        "control char in clOrdId   | INVALID_CLORDID | {'clOrdId':'a\\u0007b','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1'}",
        "empty clOrdId             | INVALID_CLORDID | {'clOrdId':'','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1'}",
        "array body                | MALFORMED_JSON  | [1,2,3]",
        "trailing garbage          | MALFORMED_JSON  | {'clOrdId':'a'} x",
        "torn after unknown field  | MALFORMED_JSON  | {'nope':1,'clOrdId':",
        "torn inside unknown field | MALFORMED_JSON  | {'nope':{'a':[1,}}",
        "null body                 | MALFORMED_JSON  | null",
        "unknown nested field      | UNKNOWN_FIELD   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1','x':{'y':[1]}}",
        "object for clOrdId        | INVALID_FIELD   | {'clOrdId':{'a':1},'symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1'}",
        "empty object              | MISSING_FIELD   | {}",
        "null for a required field | MISSING_FIELD   | {'clOrdId':null,'symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1'}",
        "postOnly IOC              | INVALID_ORDER   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1','timeInForce':'IOC','postOnly':true}",
        "MARKET with a price       | INVALID_ORDER   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'MARKET','price':'1','qty':'1'}",
        "bad expireTime            | INVALID_FIELD   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1','timeInForce':'GTD','expireTime':'tomorrow'}",
    })
    void shouldRefuseWithTheContractsCode(String name, String code, String body) throws Exception {
        assertError(400, code, gateway.post("t1-key", body.replace('\'', '"')));
    }

    @Test
    void shouldRefuseAnUnknownQueryParameterOnEveryRouteNamingIt() throws Exception {
        int checked = 0;
        for (String route : gateway.gateway().routes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{orderId}", "1").replace("{symbol}", "TEST");
            GatewayFixture.Reply refused = gateway.send(method, "t1-key", path + "?sym=TEST", "application/json", "{}");
            assertError(400, "UNKNOWN_FIELD", refused);
            assertTrue(refused.body().at("/error/message").asText().contains("'sym'"), route + ": " + refused.body());
            checked++;
        }
        assertTrue(checked >= 15, "every route: " + checked);
        GatewayFixture.Reply typo = gateway.send("DELETE", "t1-key", "/api/v1/orders?clOrdID=z-1", null, null);
        assertError(400, "UNKNOWN_FIELD", typo);
        assertTrue(typo.body().at("/error/message").asText().contains("this route takes clOrdId, symbol, all"), typo.body().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GTD without expireTime | a GTD order needs an expireTime    | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1','timeInForce':'GTD'}",
        "expireTime without GTD | expireTime is for GTD orders only  | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1','expireTime':'2030-01-01T00:00:00Z'}",
        "lower-case side        | it is one of BUY, SELL               | {'clOrdId':'a','symbol':'TEST','side':'buy','type':'LIMIT','price':'1','qty':'1'}",
        "unknown time in force  | it is one of GTC, IOC, FOK, DAY, GTD | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1','timeInForce':'GTX'}",
    })
    void shouldSayPlainlyWhatIsWrongAndWhatIsAccepted(String name, String message, String body) throws Exception {
        GatewayFixture.Reply refused = gateway.post("t1-key", body.replace('\'', '"'));
        assertEquals(400, refused.status(), refused.body().toString());
        assertTrue(refused.body().at("/error/message").asText().contains(message), refused.body().toString());
    }

    @Test
    void shouldRefuseDeepNestingWithoutFailing() throws Exception {
        String deep = "{\"clOrdId\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        GatewayFixture.Reply reply = gateway.post("t1-key", deep);
        assertEquals(400, reply.status(), reply.body().toString());
    }
}
