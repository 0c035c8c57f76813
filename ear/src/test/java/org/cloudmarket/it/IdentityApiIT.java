package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Tokens, the caller's identity and the user directory, each tried from the wrong tenant too. */
class IdentityApiIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    @Test
    void aTokenIdentifiesItsUserAndTenant() {
        HttpResponse<String> issued = acme.postJson("/api/v1/tokens", "{\"email\":\"Admin@Acme.test\",\"password\":\"demo\"}");
        assertThat(issued.statusCode()).as("%s", issued.body()).isEqualTo(201);
        String token = Http.json(issued).get("token").asText();

        JsonNode me = Http.json(acme.get("/api/v1/me", Http.bearer(token)));

        assertThat(me.get("email").asText()).isEqualTo("admin@acme.test");
        assertThat(me.get("role").asText()).isEqualTo("ADMIN");
        assertThat(me.get("tenant").asText()).isEqualTo("acme");
        assertThat(me.get("id").asLong()).isPositive();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailFailAlike() {
        HttpResponse<String> wrongPassword = acme.postJson("/api/v1/tokens", "{\"email\":\"admin@acme.test\",\"password\":\"nope\"}");
        HttpResponse<String> unknownEmail = acme.postJson("/api/v1/tokens", "{\"email\":\"ghost@acme.test\",\"password\":\"nope\"}");

        assertThat(wrongPassword.statusCode()).as("%s", wrongPassword.body()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).as("%s", unknownEmail.body()).isEqualTo(401);
        assertThat(problemType(wrongPassword)).startsWith("application/problem+json");
        assertThat(Http.json(wrongPassword).get("detail").asText())
                .isEqualTo(Http.json(unknownEmail).get("detail").asText())
                .isEqualTo("Invalid email or password");
    }

    @Test
    void aUserOfOneTenantCannotSignInOnAnother() {
        HttpResponse<String> response = globex.postJson("/api/v1/tokens", "{\"email\":\"admin@acme.test\",\"password\":\"demo\"}");

        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(401);
    }

    @Test
    void globexAdminTokenIsRefusedOnAcmeHost() {
        String globexToken = globex.token("admin@globex.test", "demo");

        assertThat(acme.get("/api/v1/me", Http.bearer(globexToken)).statusCode()).isEqualTo(401);
        assertThat(acme.get("/api/v1/users", Http.bearer(globexToken)).statusCode()).isEqualTo(401);
        assertThat(globex.get("/api/v1/me", Http.bearer(globexToken)).statusCode()).isEqualTo(200);
    }

    @Test
    void aCustomersTokenWorksAtItsStoreOnlyAndStaffsOnEveryStorefrontOfTheTenant() {
        Http store = Http.host("reseller.acme.localhost");
        String token = store.token("customer@acme.test", "demo"); // issued at Rossi's store
        String staff = acme.token("supervisor@acme.test", "demo");

        HttpResponse<String> atStore = store.get("/api/v1/me", Http.bearer(token));

        assertThat(atStore.statusCode()).as("%s", atStore.body()).isEqualTo(200);
        assertThat(Http.json(atStore).get("tenant").asText()).isEqualTo("acme");
        for (String elsewhere : new String[] {"acme.localhost", "cloudy.acme.localhost"}) {
            assertThat(Http.host(elsewhere).get("/api/v1/me", Http.bearer(token)).statusCode())
                    .as("a customer signs in only at its seller's store, with a token too: %s", elsewhere).isEqualTo(401);
        }
        assertThat(Http.host("cloudy.acme.localhost").get("/api/v1/me", Http.bearer(staff)).statusCode()).isEqualTo(200);
        assertThat(store.get("/api/v1/me", Http.bearer(staff)).statusCode()).isEqualTo(200);
    }

    @Test
    void anAcmeUserIdLookedUpThroughGlobexIsNotFound() {
        String acmeToken = acme.token("admin@acme.test", "demo");
        long acmeCustomerId = idOf(acme, acmeToken, "customer@acme.test");
        String globexToken = globex.token("admin@globex.test", "demo");

        HttpResponse<String> lookup = globex.get("/api/v1/users/" + acmeCustomerId, Http.bearer(globexToken));

        assertThat(lookup.statusCode()).as("%s", lookup.body()).isEqualTo(404);
        assertThat(problemType(lookup)).startsWith("application/problem+json");
        assertThat(acme.get("/api/v1/users/" + acmeCustomerId, Http.bearer(acmeToken)).statusCode()).isEqualTo(200);
    }

    @Test
    void adminListsOnlyItsOwnTenantsUsers() {
        JsonNode users = Http.json(acme.get("/api/v1/users", Http.bearer(acme.token("admin@acme.test", "demo"))));

        assertThat(users.findValuesAsText("email")).contains("admin@acme.test", "customer@acme.test", "reseller@acme.test")
                .noneMatch(email -> email.endsWith("@globex.test"));
        assertThat(users.toString()).doesNotContain("password", "pbkdf2");
    }

    @Test
    void aPartyUserListsOnlyItsColleagues() {
        String vendorToken = acme.token("vendor@acme.test", "demo");

        HttpResponse<String> response = acme.get("/api/v1/users", Http.bearer(vendorToken));

        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        assertThat(Http.json(response).findValuesAsText("email")).contains("vendor@acme.test")
                .doesNotContain("admin@acme.test", "customer@acme.test", "vendor2@acme.test");
    }

    @Test
    void aCustomerSeesItselfButNoOtherUser() {
        Http store = Http.host("reseller.acme.localhost"); // Rossi's store, where its token works
        String customerToken = store.token("customer@acme.test", "demo");
        long customerId = Http.json(store.get("/api/v1/me", Http.bearer(customerToken))).get("id").asLong();
        long adminId = idOf(acme, acme.token("admin@acme.test", "demo"), "admin@acme.test");

        assertThat(store.get("/api/v1/users/" + customerId, Http.bearer(customerToken)).statusCode()).isEqualTo(200);
        assertThat(store.get("/api/v1/users/" + adminId, Http.bearer(customerToken)).statusCode()).isEqualTo(404);
    }

    @Test
    void callsWithoutOrWithABadTokenAreUnauthenticated() {
        HttpResponse<String> anonymous = acme.get("/api/v1/me");
        HttpResponse<String> forged = acme.get("/api/v1/me", Http.bearer("not-a-real-token"));
        HttpResponse<String> basic = acme.get("/api/v1/me", "Authorization", "Basic YWRtaW46ZGVtbw==");

        assertThat(anonymous.statusCode()).as("%s", anonymous.body()).isEqualTo(401);
        assertThat(forged.statusCode()).as("%s", forged.body()).isEqualTo(401);
        assertThat(basic.statusCode()).as("%s", basic.body()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(problemType(forged)).startsWith("application/problem+json");
    }

    @Test
    void badInputIsNamedInTheProblem() {
        HttpResponse<String> missingEmail = acme.postJson("/api/v1/tokens", "{\"password\":\"demo\"}");
        HttpResponse<String> malformed = acme.postJson("/api/v1/tokens", "{\"email\": ");
        HttpResponse<String> unknownPath = acme.get("/api/v1/no-such-thing");

        assertThat(missingEmail.statusCode()).as("%s", missingEmail.body()).isEqualTo(422);
        assertThat(Http.json(missingEmail).get("field").asText()).isEqualTo("email");
        assertThat(malformed.statusCode()).as("%s", malformed.body()).isEqualTo(400);
        assertThat(problemType(malformed)).startsWith("application/problem+json");
        assertThat(malformed.body()).doesNotContain("Exception", "at org.");
        assertThat(unknownPath.statusCode()).as("%s", unknownPath.body()).isEqualTo(404);
        assertThat(problemType(unknownPath)).startsWith("application/problem+json");
    }

    static long idOf(Http http, String token, String email) {
        for (JsonNode user : Http.json(http.get("/api/v1/users", Http.bearer(token)))) {
            if (user.get("email").asText().equals(email)) {
                return user.get("id").asLong();
            }
        }
        throw new AssertionError(email + " is not listed");
    }

    static String problemType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
