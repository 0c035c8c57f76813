package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Each host shows its own tenant's storefront, in its own theme; an unknown host gets a clear 404. */
class StorefrontTenancyIT extends EarIT {

    @Test
    void acmeHostShowsAcmeStorefrontInItsTheme() {
        HttpResponse<String> page = Http.host("acme.localhost").get("/");

        assertThat(page.statusCode()).as("%s", page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Acme Cloud Marketplace").contains("primefaces-saga-blue")
                .doesNotContain("Globex");
    }

    @Test
    void globexHostShowsGlobexStorefrontInItsTheme() {
        HttpResponse<String> page = Http.host("globex.localhost").get("/");

        assertThat(page.statusCode()).as("%s", page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Globex Exchange").contains("primefaces-vela-blue")
                .doesNotContain("Acme");
    }

    @Test
    void resellerHostShowsTheResellerStorefrontInItalian() {
        HttpResponse<String> page = Http.host("reseller.acme.localhost").get("/");

        assertThat(page.statusCode()).as("%s", page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Bright Cloud Store").contains("primefaces-bootstrap4-purple-light")
                .contains("Accedi");
    }

    @Test
    void eachHostGetsItsOwnBrandingStylesheet() {
        String acme = Http.host("acme.localhost").get("/branding.css").body();
        String globex = Http.host("globex.localhost").get("/branding.css").body();

        assertThat(acme).contains("--cm-primary: #0b5cad;");
        assertThat(globex).contains("--cm-primary: #1b5e20;");
    }

    @Test
    void unknownHostGetsAClearNotFoundPage() {
        HttpResponse<String> page = Http.host("nobody.localhost").get("/");

        assertThat(page.statusCode()).as("%s", page.body()).isEqualTo(404);
        assertThat(page.body()).contains("Marketplace not found").doesNotContain("Exception");
    }

    @Test
    void unknownHostGetsTheSameNotFoundPageOnProtectedAndFormPages() {
        for (String path : new String[] {"/backoffice/", "/login.xhtml", "/branding.css"}) {
            HttpResponse<String> page = Http.host("nobody.localhost").get(path);

            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Marketplace not found");
        }
    }

    @Test
    void unknownHostGetsAProblemFromTheApi() {
        HttpResponse<String> response = Http.host("nobody.localhost").get("/api/v1/me");

        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(response).get("detail").asText()).contains("nobody.localhost");
    }
}
