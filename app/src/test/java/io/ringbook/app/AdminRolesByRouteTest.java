package io.ringbook.app;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route the admin API registers, called with every role (none, viewer, operator,
 * admin), with and without a trailing slash (and HEAD as GET): 401 without a token, 403 below the role
 * API.md gives the route, never either at or above it. The expected roles are written
 * here from API.md, not read from the code, and a route nobody wrote down fails the test.
 */
class AdminRolesByRouteTest extends DemoEngineTest {

    /** API.md, "Operators": viewer GET; operator halts, breakers, kill switch, snapshot, latency reset; admin limits. */
    private static final Map<String, String> CHANGES = Map.of(
            "POST /admin/v1/latency/reset", "operator",
            "POST /admin/v1/breakers/{name}/trip", "operator",
            "POST /admin/v1/breakers/{name}/reset", "operator",
            "POST /admin/v1/symbols/{symbol}/halt", "operator",
            "POST /admin/v1/symbols/{symbol}/resume", "operator",
            "POST /admin/v1/kill-switch", "operator",
            "DELETE /admin/v1/kill-switch", "operator",
            "POST /admin/v1/snapshot", "operator",
            "PUT /admin/v1/accounts/{account}/limits", "admin");
    private static final Set<String> PUBLIC = Set.of("GET /health", "GET /health/live", "GET /health/ready", "GET /metrics",
            "GET /openapi.json");
    private static final List<String> ROLES = List.of("viewer", "operator", "admin");

    @Test
    void shouldGuardEveryRegisteredAdminRouteByItsRoleWithOrWithoutATrailingSlash() throws Exception {
        List<String> routes = engine.adminRoutes();
        Set<String> unexpected = new TreeSet<>();
        int checked = 0;
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            if (PUBLIC.contains(route)) {
                assertEquals(200, call(method, null, template).statusCode(), route + " needs no token");
                continue;
            }
            String needed = method.equals("GET") ? "viewer" : CHANGES.get(route);
            if (needed == null || !template.startsWith("/admin/")) {
                unexpected.add(route);
                continue;
            }
            String path = template.replace("{name}", "volatility:TEST").replace("{symbol}", "TEST").replace("{account}", "T1");
            for (String verb : method.equals("GET") ? List.of("GET", "HEAD") : List.of(method)) {
                for (String variant : List.of(path, path + "/")) {
                    assertEquals(401, call(verb, null, variant).statusCode(), verb + " " + variant + " without a token");
                    assertEquals(401, call(verb, "not-a-token", variant).statusCode(), verb + " " + variant + " with a bad token");
                    for (String role : ROLES) {
                        int status = call(verb, role + "-token", variant).statusCode();
                        String what = verb + " " + variant + " as " + role + " (needs " + needed + ")";
                        int allowed = template.equals("/admin/v1/cluster") ? 404 : 200; // single-process mode: no cluster (API.md)
                        assertEquals(ROLES.indexOf(role) < ROLES.indexOf(needed) ? 403 : allowed, status, what);
                        checked++;
                    }
                }
            }
        }
        assertEquals(Set.of(), unexpected, "routes API.md gives no role here: add them to this test");
        assertTrue(checked >= (routes.size() - PUBLIC.size()) * 6, "every admin route was called");
    }

    @Test
    void shouldNeverLetAnOperatorChangeLimitsWhateverThePathLooksLike() throws Exception {
        for (String path : List.of("/admin/v1/accounts/T1/limits/", "/admin/v1/accounts/T1/limits//", "/admin/v1/accounts/T1/limits/x",
                "/admin//v1/accounts/T1/limits", "/admin/v1/accounts/T1/./limits")) {
            int status = call("PUT", "operator-token", path).statusCode();
            assertTrue(status == 403 || status == 404, path + " answered " + status);
        }
    }

    private HttpResponse<String> call(String method, String token, String path) throws Exception {
        String body = method.equals("PUT") ? DemoLimits.T1 : path.startsWith("/admin/v1/kill-switch") && method.equals("POST")
                ? "{\"account\":\"T4\"}" : null;
        return TestHttp.at(engine.adminPort()).bearer(token).send(method, path, body);
    }
}
