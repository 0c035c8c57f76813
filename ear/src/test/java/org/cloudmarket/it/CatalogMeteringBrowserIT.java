package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 in the onboarding wizard: the vendor picks the billing kind of an extra resource from a select (no longer
 * a prepaid checkbox); a pay-as-you-go one gets its metric, polled at an endpoint with a blocking quota.
 */
class CatalogMeteringBrowserIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");

    @Test
    void aVendorOnboardsAPayAsYouGoResourceWithItsPolledMetricAndQuota() {
        String name = "Nimbus Meter " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser vendor = new Browser()) {
            CatalogBrowserIT.signIn(vendor, "vendor@acme.test", "/backoffice/products.xhtml");
            CatalogBrowserIT.toExtraResource(vendor, name, "Metered test environments", "5", "cpu", "Extra vCPU", "vCPU");
            // PRE_PAID, POST_PAID, PAY_AS_YOU_GO: picked as a user does, again while the menu's opening animation ate the click
            // (seen on a loaded machine: no ajax, no metric fields); the wait fails if the fields never come
            vendor.waitFor(() -> {
                if (!vendor.has("#wizardForm\\:metricEndpoint")) {
                    vendor.find("#wizardForm\\:extraBilling").click();
                    vendor.find("#wizardForm\\:extraBilling_items li:nth-child(3)").click();
                }
                return vendor.has("#wizardForm\\:metricEndpoint");
            });
            vendor.type("#wizardForm\\:metricEndpoint", "https://api.example.com/usage/cpu");
            vendor.find("#wizardForm\\:metricFrequency").click();
            vendor.find("#wizardForm\\:metricFrequency_items li[data-label='EVERY_5_MINUTES']").click();
            vendor.type("#wizardForm\\:metricQuota", "64");
            vendor.find("#wizardForm\\:metricQuotaBlocking .ui-chkbox-box").click();
            vendor.screenshot("metering-1-wizard-pay-as-you-go");
            vendor.find(".ui-wizard-nav-next").click();
            vendor.waitForText("#reviewName", name);
            vendor.clickAndWait("#wizardForm\\:saveDraft");
            assertThat(vendor.waitForText("#products\\:messages", name + " is saved as DRAFT").getText()).isNotEmpty();
        }

        String nimbus = acme.token("vendor@acme.test", "demo");
        JsonNode saved = null;
        for (JsonNode product : Http.json(acme.get("/api/v1/products", Http.bearer(nimbus)))) {
            if (product.get("name").asText().equals(name)) {
                saved = Http.json(acme.get("/api/v1/products/" + product.get("id").asLong(), Http.bearer(nimbus)));
            }
        }
        assertThat(saved).as("the saved draft").isNotNull();
        JsonNode plan = saved.get("plans").get(0);
        JsonNode cpu = plan.get("extraResources").get(0);
        assertThat(cpu.get("billing").asText()).isEqualTo("PAY_AS_YOU_GO");
        assertThat(cpu.get("metricCode").asText()).isEqualTo("cpu");
        JsonNode metric = plan.get("metrics").get(0);
        assertThat(metric.get("code").asText()).isEqualTo("cpu");
        assertThat(metric.get("unitPrice").decimalValue()).isEqualByComparingTo("0");
        assertThat(metric.get("endpoint").asText()).isEqualTo("https://api.example.com/usage/cpu");
        assertThat(metric.get("frequency").asText()).isEqualTo("EVERY_5_MINUTES");
        assertThat(metric.get("quota").decimalValue()).isEqualByComparingTo("64");
        assertThat(metric.get("quotaBlocking").asBoolean()).isTrue();
    }
}
