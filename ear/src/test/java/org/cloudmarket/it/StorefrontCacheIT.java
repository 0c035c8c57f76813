package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Anonymous storefront pages open no session and are served from a cache that never mixes
 * visitors (a pinned customer's prices stay theirs) and drops a page as soon as its tenant
 * changes; a channel storefront's catalog page costs the same number of queries whatever the
 * size of the catalog.
 */
class StorefrontCacheIT extends EarIT {

    private static final List<String> HOSTS = List.of("acme.localhost", "reseller.acme.localhost");
    private static final List<String> PAGES = List.of("/", "/index.xhtml", "/catalog.xhtml", "/catalog.xhtml?page=1",
            "/catalog.xhtml?q=nimbus", "/product.xhtml?slug=nimbus-mail");

    private final Http acme = Http.host("acme.localhost");
    /** Rossi's store: its customer signs in only there. */
    private final Http bright = Http.host("reseller.acme.localhost");

    @Test
    void anonymousStorefrontPagesSetNoCookie() {
        for (String host : HOSTS) {
            for (String page : PAGES) {
                for (int visit = 0; visit < 2; visit++) { // rendered, then from the cache
                    HttpResponse<String> response = Http.host(host).get(page);
                    assertThat(response.statusCode()).as("%s%s", host, page).isEqualTo(200);
                    assertThat(response.headers().allValues("Set-Cookie")).as("cookies of %s%s", host, page).isEmpty();
                    assertThat(response.body()).as("%s%s", host, page).doesNotContain("jakarta.faces.ViewState");
                }
            }
        }
    }

    @Test
    void anAnonymousPageIsRenderedOnceAndThenServedFromTheCache() {
        for (String host : HOSTS) {
            bright.token("customer@acme.test", "demo"); // a write in acme: its pages are rendered anew
            for (String page : List.of("/catalog.xhtml?page=0&q=" + UUID.randomUUID(), "/product.xhtml?slug=nimbus-mail")) {
                assertThat(Http.host(host).get(page).headers().firstValue("X-Storefront-Cache")).as("%s%s", host, page).hasValue("miss");
                for (int visit = 0; visit < 3; visit++) {
                    assertThat(Http.host(host).get(page).headers().firstValue("X-Storefront-Cache")).as("%s%s", host, page).hasValue("hit");
                }
            }
        }
    }

    @Test
    void aParameterNoPageReadsIsRenderedEveryTimeAndNeverKept() {
        for (String page : List.of("/?x=" + UUID.randomUUID(), "/catalog.xhtml?q=nimbus&x=" + UUID.randomUUID())) {
            for (int visit = 0; visit < 2; visit++) { // a crawler's made-up parameter would otherwise fill the cache
                HttpResponse<String> response = acme.get(page);
                assertThat(response.statusCode()).as(page).isEqualTo(200);
                assertThat(response.headers().firstValue("X-Storefront-Cache")).as("%s, visit %d", page, visit).hasValue("miss");
            }
        }
    }

    @Test
    void theLanguagePickIsAPlainCookieNotASession() {
        Http visitor = Http.host("reseller.acme.localhost");
        HttpResponse<String> english = visitor.get("/catalog.xhtml?lang=en");
        assertThat(english.headers().allValues("Set-Cookie")).singleElement()
                .satisfies(cookie -> assertThat(cookie).startsWith("cm-lang=en").doesNotContain("JSESSIONID"));
        assertThat(english.body()).contains(">Catalog<");

        HttpResponse<String> next = visitor.get("/product.xhtml?slug=nimbus-mail");
        assertThat(next.body()).as("the pick holds on the next page").contains("Plans").doesNotContain("Piani");
        assertThat(next.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(Http.host("reseller.acme.localhost").get("/product.xhtml?slug=nimbus-mail").body())
                .as("another visitor gets the storefront's language").contains("Piani");
    }

    @Test
    void aPinnedCustomersPricesNeverReachAnAnonymousVisitor() {
        String page = "/product.xhtml?slug=nimbus-mail";
        assertAnonymousPrice(page);

        Http rossi = Http.host("reseller.acme.localhost");
        WebSessionIT.signIn(rossi, "customer@acme.test", "demo", true);
        String pinned = rossi.get(page).body();
        assertThat(pinned).as("the VIP list, +20%").contains("7,39").doesNotContain("8,32");
        assertThat(rossi.get("/catalog.xhtml?q=nimbus+mail").body()).as("from the Basic plan").contains("3,70").doesNotContain("4,16");

        assertAnonymousPrice(page);
        assertThat(Http.host("reseller.acme.localhost").get("/catalog.xhtml?q=nimbus+mail").body())
                .contains("4,16").doesNotContain("3,70");
        assertThat(rossi.get(page).body()).as("and the cached page never reaches the customer").contains("7,39");
    }

    private static void assertAnonymousPrice(String page) {
        for (int visit = 0; visit < 2; visit++) {
            assertThat(Http.host("reseller.acme.localhost").get(page).body()).as("the default sell-out list, +35%")
                    .contains("8,32").doesNotContain("7,39");
        }
    }

    @Test
    void aPublishedOrRetiredProductShowsOnTheNextPageLoad() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        String word = "cachetest" + UUID.randomUUID().toString().substring(0, 8);
        for (String host : HOSTS) {
            assertThat(Http.host(host).get("/catalog.xhtml?q=" + word).body()).doesNotContain("Zz " + word);
        }
        long product = publish(nimbus, admin, "Zz " + word);
        try {
            for (String host : HOSTS) {
                assertThat(Http.host(host).get("/catalog.xhtml?q=" + word).body()).as(host).contains("Zz " + word);
            }
        } finally {
            retire(nimbus, product);
        }
        for (String host : HOSTS) {
            assertThat(Http.host(host).get("/catalog.xhtml?q=" + word).body()).as(host).doesNotContain("Zz " + word);
        }
    }

    /**
     * The N+1 guard: the page's queries measured with 12 and with 24 products more; a query per product would cost 12
     * more. COM_SELECT is global, and the server's timers (metering polls every 200 ms and folds every second in the tests)
     * select beside the page: even the least of ten cold pages met one of their rounds in CI runs (43 against 42, with 12
     * and with 24 products more alike), so the measure allows {@link #TIMER_NOISE} queries more, far below a query per product.
     */
    @Test
    void aChannelCatalogPageCostsTheSameQueriesWhateverTheCatalogSize() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        List<Long> added = new ArrayList<>();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        try {
            publishSome(nimbus, admin, batch, added);
            long resellerBefore = coldQueries("reseller.acme.localhost", "/catalog.xhtml");
            long tenantBefore = coldQueries("acme.localhost", "/catalog.xhtml");
            publishSome(nimbus, admin, batch, added);
            assertThat(coldQueries("reseller.acme.localhost", "/catalog.xhtml")).as("a reseller's catalog page, 12 products more")
                    .isLessThanOrEqualTo(resellerBefore + TIMER_NOISE);
            assertThat(coldQueries("acme.localhost", "/catalog.xhtml")).as("the tenant's catalog page, 12 products more")
                    .isLessThanOrEqualTo(tenantBefore + TIMER_NOISE);
            assertThat(Http.host("reseller.acme.localhost").get("/catalog.xhtml?q=" + batch).body()).contains("Zzz size " + batch + " ");
        } finally {
            added.forEach(product -> retire(nimbus, product));
        }
    }

    /** Queries of the server's own timers a page's measure may still hold: far fewer than the 12 products added. */
    private static final long TIMER_NOISE = 2;

    /** Twelve products more, last in name order: page 1 stays as it was. */
    private void publishSome(String nimbus, String admin, String batch, List<Long> added) {
        for (int i = 0; i < 12; i++) {
            added.add(publish(nimbus, admin, "Zzz size " + batch + " " + added.size()));
        }
    }

    /**
     * The SELECTs the database ran for one page view after a write in the tenant (so that no
     * cache helps), the least of three: the pool's idle-connection check may fall in one.
     */
    private long coldQueries(String host, String page) {
        long least = Long.MAX_VALUE;
        // the least of ten: COM_SELECT is global, and the metering timers (polls every 200 ms in the tests) select beside
        // the page; three attempts all met one of their rounds once, and the page seemed to cost two queries more
        for (int attempt = 0; attempt < 10; attempt++) {
            bright.token("customer@acme.test", "demo"); // a write in acme: its caches start again
            long before = selects();
            assertThat(Http.host(host).get(page).statusCode()).isEqualTo(200);
            least = Math.min(least, selects() - before);
        }
        return least;
    }

    private static long selects() {
        return Long.parseLong(TestDatabase.query(
                "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_SELECT'").get(0));
    }

    private long publish(String vendor, String admin, String name) {
        HttpResponse<String> created = acme.postJson("/api/v1/products",
                "{\"name\":\"" + name + "\",\"summary\":\"A cache test product\",\"trialDays\":0,\"tags\":[\"test\"]}", Http.bearer(vendor));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        long product = Http.json(created).get("id").asLong();
        HttpResponse<String> plan = acme.postJson("/api/v1/products/" + product + "/plans",
                "{\"name\":\"Standard\",\"licensePrice\":3.00,\"billingFrequency\":1,\"billingUnit\":\"MONTHS\"}", Http.bearer(vendor));
        assertThat(plan.statusCode()).as("%s", plan.body()).isEqualTo(201);
        assertThat(acme.postJson("/api/v1/products/" + product + "/submit", "", Http.bearer(vendor)).statusCode()).isEqualTo(200);
        assertThat(acme.postJson("/api/v1/products/" + product + "/approve", "{}", Http.bearer(admin)).statusCode()).isEqualTo(200);
        assertThat(acme.postJson("/api/v1/products/" + product + "/publish", "", Http.bearer(vendor)).statusCode()).isEqualTo(200);
        return product;
    }

    private void retire(String vendor, long product) {
        HttpResponse<String> retired = acme.postJson("/api/v1/products/" + product + "/retire", "", Http.bearer(vendor));
        assertThat(retired.statusCode()).as("%s", retired.body()).isEqualTo(200);
    }
}
