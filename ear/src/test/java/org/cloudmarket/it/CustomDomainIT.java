package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reseller's domain of its own: it routes only once its DNS publishes the request's TXT record
 * and the platform operator approves; nobody else can ask for it meanwhile; and on it only
 * customers sign in. The platform operator's authority holds on the platform's own tenant only.
 */
class CustomDomainIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http platform = Http.host("platform.localhost");

    @Test
    void aDomainRoutesOnlyOnceItsDnsPublishesTheRequestsTxtRecord() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        String domain = "shop" + System.nanoTime() + ".cloudy-partners.example";

        JsonNode proof = ask(cloudyUser, domain);
        assertThat(proof.get("txtName").asText()).isEqualTo("_cloudmarket-challenge." + domain);
        String operator = operator();
        long request = requestFor(operator, domain).get("id").asLong();

        HttpResponse<String> unproven = platform.post("/api/v1/platform/custom-domains/" + request + "/approve", Http.bearer(operator));
        assertThat(unproven.statusCode()).as("no TXT record yet: %s", unproven.body()).isEqualTo(409);
        DnsStub.publishTxt(proof.get("txtName").asText(), "cloudmarket-domain-verification=0123456789abcdef0123456789abcdef");
        assertThat(platform.post("/api/v1/platform/custom-domains/" + request + "/approve", Http.bearer(operator)).statusCode())
                .as("someone else's secret").isEqualTo(409);
        assertThat(Http.host(domain).get("/").statusCode()).as("not routed before the proof").isEqualTo(404);

        DnsStub.publishTxt(proof.get("txtName").asText(), "v=spf1 -all", proof.get("txtValue").asText());
        assertThat(platform.post("/api/v1/platform/custom-domains/" + request + "/approve", Http.bearer(operator)).statusCode())
                .isEqualTo(204);

        assertThat(Http.host(domain).get("/").body()).contains("Cloudy Partners Shop");
        DnsStub.remove(proof.get("txtName").asText());
        forget(domain);
    }

    @Test
    void whileADomainWaitsNeitherAChannelPeerNorAnotherTenantCanAskForIt() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        String domain = "shop" + System.nanoTime() + ".contested.example";
        ask(cloudyUser, domain);

        HttpResponse<String> peer = acme.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"" + domain + "\"}",
                Http.bearer(acme.token("reseller@acme.test", "demo")));
        Http globex = Http.host("globex.localhost");
        String globexAdmin = globex.token("admin@globex.test", "demo");
        HttpResponse<String> otherTenant = globex.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"" + domain + "\"}",
                Http.bearer(globexAdmin));

        assertThat(peer.statusCode()).as("Bright IT: %s", peer.body()).isEqualTo(409);
        assertThat(otherTenant.statusCode()).as("globex: %s", otherTenant.body()).isEqualTo(409);
        String operator = operator();
        assertThat(requestsFor(operator, domain)).as("one request waits").hasSize(1)
                .allSatisfy(request -> assertThat(request.get("tenant").asText()).isEqualTo("acme"));

        long request = requestFor(operator, domain).get("id").asLong();
        assertThat(platform.post("/api/v1/platform/custom-domains/" + request + "/reject", Http.bearer(operator)).statusCode()).isEqualTo(204);
        HttpResponse<String> afterRejection = globex.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"" + domain + "\"}",
                Http.bearer(globexAdmin));
        assertThat(afterRejection.statusCode()).as("a rejected request frees the name: %s", afterRejection.body()).isEqualTo(200);
        long globexRequest = requestFor(operator, domain).get("id").asLong();
        assertThat(platform.post("/api/v1/platform/custom-domains/" + globexRequest + "/reject", Http.bearer(operator)).statusCode())
                .isEqualTo(204);
        forget(domain);
    }

    @Test
    void onlyCustomersSignInOnAResellersCustomDomain() {
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        String domain = "shop" + System.nanoTime() + ".cloudy-partners.example";
        JsonNode proof = ask(cloudyUser, domain);
        DnsStub.publishTxt(proof.get("txtName").asText(), proof.get("txtValue").asText());
        String operator = operator();
        assertThat(platform.post("/api/v1/platform/custom-domains/" + requestFor(operator, domain).get("id").asLong() + "/approve",
                Http.bearer(operator)).statusCode()).isEqualTo(204);
        Http custom = Http.host(domain);

        for (String staff : new String[] {"reseller2@acme.test", "admin@acme.test", "supervisor@acme.test", "vendor@acme.test",
                "distributor2@acme.test"}) {
            HttpResponse<String> refused = custom.postJson("/api/v1/tokens", "{\"email\":\"" + staff + "\",\"password\":\"demo\"}");
            assertThat(refused.statusCode()).as("%s: %s", staff, refused.body()).isEqualTo(403);
        }
        assertThat(custom.get("/api/v1/me", Http.bearer(cloudyUser)).statusCode()).as("a reseller's token from acme.localhost")
                .isEqualTo(401);
        HttpResponse<String> page = WebSessionIT.postLogin(custom, "admin@acme.test", "demo", true, "");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("only customers sign in");

        // A customer of Cloudy's, whose domain this is: customers sign in only on their seller's storefronts.
        String cloudyCustomer = SignUpIT.newCustomer(Http.host("cloudy.acme.localhost"));
        String customerToken = custom.token(cloudyCustomer, SignUpIT.PASSWORD);
        assertThat(Http.json(custom.get("/api/v1/me", Http.bearer(customerToken))).get("email").asText()).isEqualTo(cloudyCustomer);
        assertThat(WebSessionIT.postLogin(custom, cloudyCustomer, SignUpIT.PASSWORD, true, "").statusCode()).as("the page signs customers in")
                .isEqualTo(302);
        assertThat(Http.host("cloudy.acme.localhost").token("reseller2@acme.test", "demo")).as("on the tenant's own sub-domain")
                .isNotBlank();
        DnsStub.remove(proof.get("txtName").asText());
        forget(domain);
    }

    /** Takes an approved test domain off the storefront again, so that runs on one database do not pile them up. */
    private static void forget(String domain) {
        TestDatabase.update("DELETE FROM storefront_host WHERE host = ?", domain);
        TestDatabase.update("DELETE FROM custom_domain WHERE host = ?", domain);
    }

    @Test
    void aSuperAdminRoleOnAUserOfAnotherTenantGrantsNothing() {
        String email = AccountLifecycleIT.newAdmin();
        String token = acme.token(email, "demo");
        String cloudyUser = acme.token("reseller2@acme.test", "demo");
        String domain = "shop" + System.nanoTime() + ".cloudy-partners.example";
        ask(cloudyUser, domain);
        assertThat(TestDatabase.update("UPDATE app_user SET role = 'SUPER_ADMIN' WHERE email = ?", email)).isEqualTo(1);

        HttpResponse<String> queue = acme.get("/api/v1/platform/custom-domains", Http.bearer(token));
        HttpResponse<String> signIn = acme.postJson("/api/v1/tokens", "{\"email\":\"" + email + "\",\"password\":\"demo\"}");

        assertThat(queue.statusCode()).as("the platform's queue for acme's SUPER_ADMIN: %s", queue.body()).isEqualTo(401);
        assertThat(queue.body()).doesNotContain(domain);
        assertThat(signIn.statusCode()).as("%s", signIn.body()).isEqualTo(401);
        String operator = operator();
        assertThat(platform.get("/api/v1/platform/custom-domains", Http.bearer(operator)).body()).as("the platform's own").contains(domain);
        assertThat(platform.post("/api/v1/platform/custom-domains/" + requestFor(operator, domain).get("id").asLong() + "/reject",
                Http.bearer(operator)).statusCode()).isEqualTo(204);
        forget(domain);
        // no SUPER_ADMIN is left behind in acme
        TestDatabase.update("DELETE FROM api_token WHERE user_id = (SELECT id FROM app_user WHERE email = ?)", email);
        assertThat(TestDatabase.update("DELETE FROM app_user WHERE email = ?", email)).isEqualTo(1);
    }

    /** Asks for the domain as the token's storefront owner; the TXT record it must publish. */
    private JsonNode ask(String token, String domain) {
        HttpResponse<String> asked = acme.postJson("/api/v1/storefronts/mine/hosts", "{\"host\":\"" + domain + "\"}", Http.bearer(token));
        assertThat(asked.statusCode()).as("%s", asked.body()).isEqualTo(200);
        for (JsonNode request : Http.json(asked).get("domainRequests")) {
            if (request.get("host").asText().equals(domain)) {
                return request;
            }
        }
        throw new AssertionError(domain + " is not among the requests: " + asked.body());
    }

    private String operator() {
        return platform.token("superadmin@platform.test", "demo");
    }

    private JsonNode requestFor(String operator, String domain) {
        List<JsonNode> requests = requestsFor(operator, domain);
        assertThat(requests).as("the request for %s in the operator's queue", domain).isNotEmpty();
        return requests.get(0);
    }

    private List<JsonNode> requestsFor(String operator, String domain) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode pending : Http.json(platform.get("/api/v1/platform/custom-domains", Http.bearer(operator)))) {
            if (pending.get("host").asText().equals(domain)) {
                found.add(pending);
            }
        }
        return found;
    }
}
