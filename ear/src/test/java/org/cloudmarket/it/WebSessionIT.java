package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Browser sessions at the HTTP level: bound to their tenant, and forms refuse forged posts. */
class WebSessionIT extends EarIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    @Test
    void anAcmeSessionDoesNotSignAnyoneInOnGlobex() {
        Http acme = Http.host("acme.localhost");
        String sessionId = signIn(acme, "admin@acme.test", "demo", true);
        assertThat(acme.get("/backoffice/", "Cookie", "JSESSIONID=" + sessionId).statusCode()).isEqualTo(200);

        HttpResponse<String> onGlobex = Http.host("globex.localhost").get("/backoffice/", "Cookie", "JSESSIONID=" + sessionId);

        assertThat(onGlobex.statusCode()).as("%s", onGlobex.body()).isEqualTo(302);
        assertThat(onGlobex.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/login.xhtml"));
    }

    @Test
    void thePlatformSuperAdminHasAWorkingBackOffice() {
        Http platform = Http.host("platform.localhost");
        String cookie = "JSESSIONID=" + signIn(platform, "superadmin@platform.test", "demo", true);

        HttpResponse<String> page = platform.get("/backoffice/", "Cookie", cookie);

        assertThat(page.statusCode()).as("%s", page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Welcome, Paula Platform");
    }

    @Test
    void aLoginFormPostedWithoutItsViewStateSignsNobodyIn() {
        Http acme = Http.host("acme.localhost");

        HttpResponse<String> forged = postLogin(acme, "admin@acme.test", "demo", false);

        assertThat(forged.statusCode()).as("%s", forged.body()).isEqualTo(200);
        assertThat(forged.body()).contains("id=\"login:email\"").doesNotContain("Welcome");
        assertThat(acme.get("/backoffice/").statusCode()).isEqualTo(302);
    }

    @Test
    void signingInGivesANewSessionId() {
        Http acme = Http.host("acme.localhost");
        String before = sessionIdOf(acme.get("/login.xhtml"));

        String after = signIn(acme, "admin@acme.test", "demo", true);

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String cookie = Http.host("acme.localhost").get("/login.xhtml").headers().firstValue("Set-Cookie").orElseThrow();

        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aBrowserSessionDoesNotOpenTheApiWhateverThePathLooksLike() {
        Http acme = Http.host("acme.localhost");
        String cookie = "JSESSIONID=" + signIn(acme, "admin@acme.test", "demo", true);

        // Without a bearer token the API sees an anonymous caller; disguised paths match no resource.
        Map<String, Integer> expected = Map.of("/api/v1/users", 401, "/%61pi/v1/users", 404, "/api;x/v1/users", 404);
        expected.forEach((path, status) -> {
            HttpResponse<String> response = acme.get(path, "Cookie", cookie);
            assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(status);
            assertThat(response.body()).as(path).doesNotContain("admin@acme.test");
        });
    }

    @Test
    void signingInReturnsToThePageAskedForButNeverToAnotherSite() {
        HttpResponse<String> asked = postLogin(Http.host("acme.localhost"), "admin@acme.test", "demo", true, "/backoffice/index.xhtml");
        HttpResponse<String> offSite = postLogin(Http.host("acme.localhost"), "admin@acme.test", "demo", true, "//evil.example/");

        assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/backoffice/index.xhtml"));
        assertThat(offSite.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("acme.localhost:8080/backoffice/").doesNotContain("evil"));
    }

    @Test
    void theBackOfficeSendsToTheLoginPageWithTheWayBack() {
        HttpResponse<String> response = Http.host("acme.localhost").get("/backoffice/index.xhtml");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("/login.xhtml?next=%2Fbackoffice%2Findex.xhtml"));
    }

    /** Signs in through the login form and answers the new session id. */
    static String signIn(Http http, String email, String password, boolean withViewState) {
        HttpResponse<String> response = postLogin(http, email, password, withViewState);
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(302);
        return sessionIdOf(response);
    }

    /** Posts the login form as a browser would; without the view state, as a forged cross-site post would. */
    private static HttpResponse<String> postLogin(Http http, String email, String password, boolean withViewState) {
        return postLogin(http, email, password, withViewState, "");
    }

    static HttpResponse<String> postLogin(Http http, String email, String password, boolean withViewState, String next) {
        String page = http.get("/login.xhtml").body();
        StringBuilder form = new StringBuilder("login=login")
                .append("&login%3Aemail=").append(encode(email))
                .append("&login%3Apassword=").append(encode(password))
                .append("&login%3Anext=").append(encode(next))
                .append("&login%3Asubmit=");
        if (withViewState) {
            Matcher viewState = VIEW_STATE.matcher(page);
            assertThat(viewState.find()).as("the login page carries a view state").isTrue();
            form.append("&jakarta.faces.ViewState=").append(encode(viewState.group(1)));
        }
        return http.postForm("/login.xhtml", form.toString());
    }

    private static String sessionIdOf(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION_COOKIE::matcher).filter(Matcher::find).map(m -> m.group(1))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("No session cookie in " + response.headers().map()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
