package io.ringbook.gateway.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.ringbook.gateway.rest.GatewayFixture.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        "postOnly IOC              | INVALID_ORDER   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1','timeInForce':'IOC','postOnly':true}",
        "MARKET with a price       | INVALID_ORDER   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'MARKET','price':'1','qty':'1'}",
        "bad expireTime            | INVALID_FIELD   | {'clOrdId':'a','symbol':'TEST','side':'BUY','type':'LIMIT','price':'1','qty':'1','timeInForce':'GTD','expireTime':'tomorrow'}",
    })
    void shouldRefuseWithTheContractsCode(String name, String code, String body) throws Exception {
        assertError(400, code, gateway.post("t1-key", body.replace('\'', '"')));
    }

    @Test
    void shouldRefuseDeepNestingWithoutFailing() throws Exception {
        String deep = "{\"clOrdId\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        GatewayFixture.Reply reply = gateway.post("t1-key", deep);
        assertEquals(400, reply.status(), reply.body().toString());
    }
}
