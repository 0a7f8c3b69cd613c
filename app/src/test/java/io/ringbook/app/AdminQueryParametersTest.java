package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.ringbook.app.TestHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unknown query parameters on the admin API (API.md, "Common rules"): every route refuses
 * them with 400 {@code UNKNOWN_FIELD} naming the parameter, before doing anything, so that
 * a typo never widens a call (a release meant for one account never releases the global
 * kill switch; a misspelt audit filter never returns everything).
 */
class AdminQueryParametersTest extends DemoEngineTest {

    @Test
    void shouldRefuseAnUnknownQueryParameterOnEveryAdminRouteNamingIt() throws Exception {
        int checked = 0;
        for (String route : engine.adminRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replace("{name}", "volatility:TEST").replace("{symbol}", "TEST").replace("{account}", "T1");
            HttpResponse<String> refused = call(method, path + "?bogus=1");
            assertEquals(400, refused.statusCode(), route + ": " + refused.body());
            JsonNode error = JSON.readTree(refused.body()).get("error");
            assertEquals("UNKNOWN_FIELD", error.get("code").asText(), route);
            assertTrue(error.get("message").asText().contains("'bogus'"), route + ": " + error);
            checked++;
        }
        assertTrue(checked >= 20, "every admin route was called: " + checked);
        assertEquals(200, call("GET", "/admin/v1/audit?type=KILL_SWITCH&limit=5&from=2000-01-01T00:00:00Z").statusCode(),
                "the parameters a route documents still work");
    }

    @Test
    void shouldNeverReleaseTheGlobalKillSwitchForAMisspeltAccount() throws Exception {
        assertEquals(200, call("POST", "/admin/v1/kill-switch", "{}").statusCode());
        assertEquals(200, call("POST", "/admin/v1/kill-switch", "{\"account\":\"T1\"}").statusCode());
        HttpResponse<String> typo = call("DELETE", "/admin/v1/kill-switch?acct=T1");
        assertEquals(400, typo.statusCode());
        assertTrue(typo.body().contains("'acct'") && typo.body().contains("account"), typo.body());
        JsonNode switches = JSON.readTree(call("GET", "/admin/v1/kill-switch").body());
        assertTrue(switches.get(0).get("active").asBoolean(), "the global switch is still engaged: " + switches);
        assertTrue(switches.get(1).get("active").asBoolean(), "T1's too");
        assertEquals(200, call("DELETE", "/admin/v1/kill-switch?account=T1").statusCode());
        assertTrue(JSON.readTree(call("GET", "/admin/v1/kill-switch").body()).get(0).get("active").asBoolean());
    }

    @Test
    void shouldRefuseAMisspeltAuditFilterInsteadOfReturningEverything() throws Exception {
        assertEquals(200, call("POST", "/admin/v1/kill-switch", "{\"account\":\"T2\"}").statusCode());
        HttpResponse<String> typo = call("GET", "/admin/v1/audit?acount=T1");
        assertEquals(400, typo.statusCode());
        assertEquals("UNKNOWN_FIELD", JSON.readTree(typo.body()).at("/error/code").asText());
        assertEquals(400, call("HEAD", "/admin/v1/audit?acount=T1").statusCode(), "HEAD as GET");
        assertEquals(0, JSON.readTree(call("GET", "/admin/v1/audit?account=T1").body()).size(), "T1 had no events");
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        String body = method.equals("PUT") ? DemoLimits.T1 : method.equals("POST") && path.startsWith("/admin/v1/kill-switch")
                ? "{\"account\":\"T4\"}" : null;
        return call(method, path, body);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return TestHttp.at(engine.adminPort()).bearer("admin-token").send(method, path, body);
    }
}
