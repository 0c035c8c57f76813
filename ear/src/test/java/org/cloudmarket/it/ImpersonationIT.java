package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Acting as another user only goes downwards, stays inside the tenant, and is always audited. */
class ImpersonationIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    @Test
    void adminActsAsACustomerAndBothEndsAreAudited() {
        String adminToken = acme.token("admin@acme.test", "demo");
        long adminId = Http.json(acme.get("/api/v1/me", Http.bearer(adminToken))).get("id").asLong();
        long customerId = IdentityApiIT.idOf(acme, adminToken, "customer@acme.test");

        HttpResponse<String> started = acme.postJson("/api/v1/impersonations", "{\"userId\":" + customerId + "}", Http.bearer(adminToken));
        assertThat(started.statusCode()).as("%s", started.body()).isEqualTo(201);
        String actingToken = Http.json(started).get("token").asText();

        JsonNode me = Http.json(acme.get("/api/v1/me", Http.bearer(actingToken)));
        assertThat(me.get("role").asText()).isEqualTo("CUSTOMER");
        assertThat(me.get("impersonatorId").asLong()).isEqualTo(adminId);

        assertThat(acme.delete("/api/v1/impersonations/current", Http.bearer(actingToken)).statusCode()).isEqualTo(204);
        assertThat(acme.get("/api/v1/me", Http.bearer(actingToken)).statusCode()).isEqualTo(401);

        JsonNode audit = Http.json(acme.get("/api/v1/audit-entries?limit=10", Http.bearer(adminToken)));
        assertThat(audit.get(0).get("action").asText()).isEqualTo("IMPERSONATION_ENDED");
        assertThat(audit.get(1).get("action").asText()).isEqualTo("IMPERSONATION_STARTED");
        for (JsonNode entry : new JsonNode[] {audit.get(0), audit.get(1)}) {
            assertThat(entry.get("actor").asText()).isEqualTo("admin@acme.test");
            assertThat(entry.get("subject").asText()).isEqualTo("customer@acme.test");
            assertThat(entry.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(entry.get("channel").asText()).isEqualTo("API");
            assertThat(entry.get("occurredAt").asText()).isNotBlank();
        }
    }

    @Test
    void anotherTenantsAdminSeesNoneOfTheAuditLog() {
        String acmeAdmin = acme.token("admin@acme.test", "demo");
        long customerId = IdentityApiIT.idOf(acme, acmeAdmin, "customer@acme.test");
        String acting = Http.json(acme.postJson("/api/v1/impersonations", "{\"userId\":" + customerId + "}",
                Http.bearer(acmeAdmin))).get("token").asText();
        acme.delete("/api/v1/impersonations/current", Http.bearer(acting));
        String globexAdmin = globex.token("admin@globex.test", "demo");
        long globexCustomerId = IdentityApiIT.idOf(globex, globexAdmin, "customer@globex.test");
        globex.postJson("/api/v1/impersonations", "{\"userId\":" + globexCustomerId + "}", Http.bearer(globexAdmin));

        HttpResponse<String> onGlobex = globex.get("/api/v1/audit-entries?limit=500", Http.bearer(globexAdmin));
        HttpResponse<String> onAcme = acme.get("/api/v1/audit-entries", Http.bearer(globexAdmin));

        assertThat(onGlobex.statusCode()).as("%s", onGlobex.body()).isEqualTo(200);
        assertThat(onGlobex.body()).contains("customer@globex.test");
        // An acme line read through globex would name its users "#<id>" (globex cannot read acme's
        // users), so match the lines against globex's own rows rather than look for "@acme.test".
        JsonNode lines = Http.json(onGlobex);
        List<String> globexLines = TestDatabase.query("""
                SELECT COUNT(*) FROM audit_entry WHERE tenant_id = (SELECT id FROM tenant WHERE slug = 'globex')""");
        assertThat(lines.size()).as("globex's audit lines").isEqualTo(Math.min(500, Integer.parseInt(globexLines.get(0))));
        for (JsonNode line : lines) {
            assertThat(line.get("actor").asText()).as("%s", line).endsWith("@globex.test");
        }
        assertThat(onAcme.statusCode()).as("%s", onAcme.body()).isEqualTo(401);
    }

    @Test
    void aSupervisorCannotActAsAnAdmin() {
        String adminToken = acme.token("admin@acme.test", "demo");
        long adminId = IdentityApiIT.idOf(acme, adminToken, "admin@acme.test");
        String supervisorToken = acme.token("supervisor@acme.test", "demo");

        HttpResponse<String> refused = acme.postJson("/api/v1/impersonations", "{\"userId\":" + adminId + "}", Http.bearer(supervisorToken));

        assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(403);
        assertThat(Http.json(refused).get("detail").asText()).contains("SUPERVISOR cannot act as a ADMIN");
    }

    @Test
    void aCustomerCannotActAsAnyone() {
        String adminToken = acme.token("admin@acme.test", "demo");
        long resellerId = IdentityApiIT.idOf(acme, adminToken, "reseller@acme.test");
        Http store = Http.host("reseller.acme.localhost"); // Rossi's store, where its token works
        String customerToken = store.token("customer@acme.test", "demo");

        HttpResponse<String> refused = store.postJson("/api/v1/impersonations", "{\"userId\":" + resellerId + "}", Http.bearer(customerToken));

        assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(403);
    }

    @Test
    void anAdminCannotActAsAUserOfAnotherTenant() {
        long globexCustomerId = IdentityApiIT.idOf(globex, globex.token("admin@globex.test", "demo"), "customer@globex.test");
        String acmeAdminToken = acme.token("admin@acme.test", "demo");

        HttpResponse<String> refused = acme.postJson("/api/v1/impersonations", "{\"userId\":" + globexCustomerId + "}", Http.bearer(acmeAdminToken));

        assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(404);
    }

    @Test
    void anImpersonationCannotBeNested() {
        String adminToken = acme.token("admin@acme.test", "demo");
        long supervisorId = IdentityApiIT.idOf(acme, adminToken, "supervisor@acme.test");
        long customerId = IdentityApiIT.idOf(acme, adminToken, "customer@acme.test");
        String asSupervisor = Http.json(acme.postJson("/api/v1/impersonations", "{\"userId\":" + supervisorId + "}",
                Http.bearer(adminToken))).get("token").asText();

        HttpResponse<String> nested = acme.postJson("/api/v1/impersonations", "{\"userId\":" + customerId + "}", Http.bearer(asSupervisor));

        assertThat(nested.statusCode()).as("%s", nested.body()).isEqualTo(409);
        assertThat(acme.delete("/api/v1/impersonations/current", Http.bearer(asSupervisor)).statusCode()).isEqualTo(204);
    }

    @Test
    void endingWhenNotImpersonatingIsAConflict() {
        String adminToken = acme.token("admin@acme.test", "demo");

        HttpResponse<String> response = acme.delete("/api/v1/impersonations/current", Http.bearer(adminToken));

        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(409);
    }

    @Test
    void aMissingTargetIsNamedInTheProblem() {
        HttpResponse<String> response = acme.postJson("/api/v1/impersonations", "{}", Http.bearer(acme.token("admin@acme.test", "demo")));

        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(422);
        assertThat(Http.json(response).get("field").asText()).isEqualTo("userId");
    }
}
