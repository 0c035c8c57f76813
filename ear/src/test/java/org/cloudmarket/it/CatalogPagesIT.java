package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The storefront's catalog pages show published products of their own tenant only. */
class CatalogPagesIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    @Test
    void aPublishedProductHasAPageWithItsPlansAndCalculator() {
        HttpResponse<String> page = acme.get("/product.xhtml?slug=nimbus-backup");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nimbus Backup", "Tiered storage", "Volume storage", "Stairstep storage", "id=\"calculator\"");
    }

    @Test
    void draftsSubmittedProductsAndOtherTenantsProductsHaveNoPage() {
        assertThat(acme.get("/product.xhtml?slug=nimbus-vault").statusCode()).as("submitted").isEqualTo(404);
        assertThat(acme.get("/product.xhtml?slug=orbit-signals").statusCode()).as("draft").isEqualTo(404);
        assertThat(acme.get("/product.xhtml").statusCode()).isEqualTo(404);
        assertThat(globex.get("/product.xhtml?slug=nimbus-backup").statusCode()).as("acme's product on globex").isEqualTo(404);
        assertThat(globex.get("/catalog.xhtml?q=nimbus").body()).contains("No products").doesNotContain("Nimbus Backup");
    }

    @Test
    void aProductNotOnSaleIsPreviewedByItsVendorAndTheStaffOnly() {
        long id = -1;
        for (JsonNode product : Http.json(acme.get("/api/v1/products", Http.bearer(acme.token("vendor@acme.test", "demo"))))) {
            if (product.get("name").asText().equals("Nimbus Vault")) {
                id = product.get("id").asLong();
            }
        }
        assertThat(id).as("the demo's submitted product").isPositive();

        Http supervisor = Http.host("acme.localhost");
        WebSessionIT.signIn(supervisor, "supervisor@acme.test", "demo", true);
        HttpResponse<String> preview = supervisor.get("/product.xhtml?id=" + id);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Nimbus Vault", "SUBMITTED").doesNotContain("id=\"calculator\"");

        Http orbit = Http.host("acme.localhost");
        WebSessionIT.signIn(orbit, "vendor2@acme.test", "demo", true);
        assertThat(orbit.get("/product.xhtml?id=" + id).statusCode()).as("another vendor").isEqualTo(404);
        assertThat(acme.get("/product.xhtml?id=" + id).statusCode()).as("anonymous").isEqualTo(404);
    }

    @Test
    void theBackOfficeCatalogPagesNeedASignInAndTheRightRole() {
        assertThat(acme.get("/backoffice/approvals.xhtml").statusCode()).isEqualTo(302);
        assertThat(acme.get("/backoffice/product-wizard.xhtml").statusCode()).isEqualTo(302);

        Http customer = Http.host("reseller.acme.localhost"); // Rossi's store
        WebSessionIT.signIn(customer, "customer@acme.test", "demo", true);
        assertThat(customer.get("/backoffice/approvals.xhtml").statusCode()).isEqualTo(403);
        assertThat(customer.get("/backoffice/product-wizard.xhtml").statusCode()).isEqualTo(403);

        Http vendor = Http.host("acme.localhost");
        WebSessionIT.signIn(vendor, "vendor@acme.test", "demo", true);
        assertThat(vendor.get("/backoffice/approvals.xhtml").statusCode()).isEqualTo(403);
        // The list pages newest first, and earlier runs leave products behind: this one comes first.
        String newest = "Nimbus Listed " + Unique.suffix();
        assertThat(acme.postJson("/api/v1/products", "{\"name\":\"" + newest + "\",\"summary\":\"Listed first\"}",
                Http.bearer(acme.token("vendor@acme.test", "demo"))).statusCode()).isEqualTo(201);
        HttpResponse<String> products = vendor.get("/backoffice/products.xhtml");
        assertThat(products.body()).contains(newest).doesNotContain("Orbit CRM");
    }
}
