package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Pictures are read only when they are served: a storefront page, its stylesheet or a quote sends
 * none of them from the database (measured with MariaDB's byte counter, the test database being the
 * tests' alone). Every picture answers with an ETag and a cache lifetime, and with a 304 when the
 * client holds it already. A product never shows more than eight screenshots, however many
 * arrive at once.
 */
class ImagesIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");

    @Test
    void pagesTheStylesheetAndQuotesReadNoPictureFromTheDatabase() {
        byte[] large = png(600, 1);
        assertThat(large.length).as("a picture larger than any page's honest reads").isGreaterThan(1_000_000);
        String nimbus = acme.token("vendor@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        String name = "Nimbus Heavy " + UUID.randomUUID().toString().substring(0, 8);
        long product = createProduct(nimbus, name);
        long plan = addPlan(nimbus, product);
        assertThat(acme.putBytes("/api/v1/products/" + product + "/logo", "image/png", large, Http.bearer(nimbus)).statusCode())
                .isEqualTo(200);
        assertThat(acme.postBytes("/api/v1/products/" + product + "/screenshots", "image/png", large, Http.bearer(nimbus))
                .statusCode()).isEqualTo(201);
        String slug = publish(nimbus, admin, product);
        StorefrontPictures original = StorefrontPictures.of(acme);
        try {
            for (String picture : List.of("logo", "favicon", "banners/1/image")) {
                HttpResponse<String> stored = acme.putBytes("/api/v1/storefronts/mine/" + picture, "image/png", large, Http.bearer(admin));
                assertThat(stored.statusCode()).as("%s: %s", picture, stored.body()).isEqualTo(200);
            }
            String quote = "{\"planId\":" + plan + ",\"duration\":1}";
            assertThat(acme.postJson("/api/v1/quotes", quote).statusCode()).isEqualTo(200); // compiled and warm

            long catalog = databaseBytesSentFor(() -> assertThat(acme.get("/catalog.xhtml?q=" + name.replace(' ', '+')).body()).contains(name));
            long home = databaseBytesSentFor(() -> assertThat(acme.get("/").statusCode()).isEqualTo(200));
            long page = databaseBytesSentFor(() -> assertThat(acme.get("/product.xhtml?slug=" + slug).body()).contains(name));
            long stylesheet = databaseBytesSentFor(() -> assertThat(acme.get("/branding.css").statusCode()).isEqualTo(200));
            long quoted = databaseBytesSentFor(() -> assertThat(acme.postJson("/api/v1/quotes", quote).statusCode()).isEqualTo(200));

            // for the record: what each request reads, next to the picture it no longer reads
            System.out.printf("database bytes sent: catalog=%d home=%d product=%d branding.css=%d quote=%d picture=%d%n",
                    catalog, home, page, stylesheet, quoted, large.length);
            long bound = large.length / 4;
            assertThat(List.of(catalog, home, page, stylesheet, quoted))
                    .as("database bytes sent for the catalog, home and product pages, branding.css and a quote")
                    .allMatch(sent -> sent < bound);
            long served = databaseBytesSentFor(() -> assertThat(acme.getBytes("/storefront/logo").body()).isEqualTo(large));
            assertThat(served).as("serving the logo reads it, so the counter does count pictures").isGreaterThan(large.length);
        } finally {
            original.restore(acme, admin);
            acme.post("/api/v1/products/" + product + "/retire", Http.bearer(nimbus));
        }
    }

    @Test
    void everyPictureHasAnEtagAndACacheLifetimeAndIsNotSentAgainWhileUnchanged() {
        String nimbus = acme.token("vendor@acme.test", "demo");
        long product = createProduct(nimbus, "Nimbus Tagged " + UUID.randomUUID().toString().substring(0, 8));
        byte[] first = png(4, 2);
        byte[] second = png(4, 3);
        acme.putBytes("/api/v1/products/" + product + "/logo", "image/png", first, Http.bearer(nimbus));
        acme.postBytes("/api/v1/products/" + product + "/screenshots", "image/png", first, Http.bearer(nimbus));

        for (String path : List.of("/api/v1/products/" + product + "/logo", "/api/v1/products/" + product + "/screenshots/0")) {
            String etag = assertCachedAndRevalidated(path, first, "private, max-age=60", Http.bearer(nimbus));
            assertThat(acme.getBytes(path, "If-None-Match", "\"someone-else\"", "Authorization", "Bearer " + nimbus).statusCode())
                    .isEqualTo(200);
            if (path.endsWith("logo")) {
                acme.putBytes(path, "image/png", second, Http.bearer(nimbus));
                HttpResponse<byte[]> changed = acme.getBytes(path, "If-None-Match", etag, "Authorization", "Bearer " + nimbus);
                assertThat(changed.statusCode()).as("a new logo is sent").isEqualTo(200);
                assertThat(changed.body()).isEqualTo(second);
                assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
            }
        }

        String admin = acme.token("admin@acme.test", "demo");
        StorefrontPictures original = StorefrontPictures.of(acme);
        try {
            for (String picture : List.of("logo", "favicon", "banners/1/image")) {
                acme.putBytes("/api/v1/storefronts/mine/" + picture, "image/png", first, Http.bearer(admin));
            }
            String home = acme.get("/").body();
            for (String path : List.of("/storefront/logo", "/storefront/favicon", "/storefront/banner?n=1")) {
                assertCachedAndRevalidated(path, first, "public, no-cache");
                String linked = linkedVersion(home, path);
                assertCachedAndRevalidated(linked, first, "public, max-age=31536000, immutable");
            }
            acme.putBytes("/api/v1/storefronts/mine/logo", "image/png", second, Http.bearer(admin));
            String relinked = linkedVersion(acme.get("/").body(), "/storefront/logo");
            assertThat(relinked).as("a new logo is linked anew").isNotEqualTo(linkedVersion(home, "/storefront/logo"));
            assertThat(acme.getBytes(relinked).body()).isEqualTo(second);
            assertThat(acme.getBytes(linkedVersion(home, "/storefront/logo")).headers().firstValue("Cache-Control"))
                    .as("an old version's link shows the current logo, never cached for good").hasValue("public, no-cache");
        } finally {
            original.restore(acme, admin);
        }
    }

    @Test
    void parallelScreenshotUploadsStopAtEightAndTheProductPageShowsThem() throws Exception {
        String nimbus = acme.token("vendor@acme.test", "demo");
        String admin = acme.token("admin@acme.test", "demo");
        String name = "Nimbus Gallery " + UUID.randomUUID().toString().substring(0, 8);
        long product = createProduct(nimbus, name);
        addPlan(nimbus, product);
        byte[] screenshot = png(8, 4);
        int uploads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < uploads; i++) {
                Http client = Http.host("acme.localhost");
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.postBytes("/api/v1/products/" + product + "/screenshots", "image/png", screenshot, Http.bearer(nimbus));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 422) {
                    assertThat(Http.json(response).get("field").asText()).isEqualTo("image");
                }
            }
            assertThat(statuses).as("uploads take turns: eight are stored, the rest are refused").containsOnly(201, 422)
                    .filteredOn(status -> status == 201).hasSize(8);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM product_image WHERE product_id = ? AND kind = 'SCREENSHOT'", product))
                .containsExactly("8");
        assertThat(Http.json(acme.get("/api/v1/products/" + product, Http.bearer(nimbus))).get("screenshots").asInt()).isEqualTo(8);

        String slug = publish(nimbus, admin, product);
        try {
            HttpResponse<String> page = acme.get("/product.xhtml?slug=" + slug);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body().split("/screenshots/", -1)).hasSize(9);
            assertThat(acme.getBytes("/api/v1/products/" + product + "/screenshots/7").body()).isEqualTo(screenshot);
            assertThat(acme.getBytes("/api/v1/products/" + product + "/screenshots/8").statusCode()).isEqualTo(404);
        } finally {
            acme.post("/api/v1/products/" + product + "/retire", Http.bearer(nimbus));
        }
    }

    /** Asserts the picture at path is sent with an ETag and the cache policy, and not sent again for that ETag. */
    private String assertCachedAndRevalidated(String path, byte[] expected, String cacheControl, String... headers) {
        HttpResponse<byte[]> sent = acme.getBytes(path, headers);
        assertThat(sent.statusCode()).as(path).isEqualTo(200);
        assertThat(sent.body()).as(path).isEqualTo(expected);
        assertThat(sent.headers().firstValue("Cache-Control")).as(path).hasValue(cacheControl);
        String etag = sent.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
        assertThat(etag).as(path).matches("\"[0-9a-f]{64}\"");

        List<String> revalidation = new ArrayList<>(List.of(headers));
        revalidation.addAll(List.of("If-None-Match", etag));
        HttpResponse<byte[]> unchanged = acme.getBytes(path, revalidation.toArray(String[]::new));
        assertThat(unchanged.statusCode()).as(path + " revalidated").isEqualTo(304);
        assertThat(unchanged.body()).as(path + " revalidated").isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).as(path + " revalidated").hasValue(etag);
        assertThat(unchanged.headers().firstValue("Cache-Control")).as(path + " revalidated").hasValue(cacheControl);
        return etag;
    }

    /** The path, with its version, a page links for a storefront picture. */
    private static String linkedVersion(String page, String path) {
        Matcher link = Pattern.compile(Pattern.quote(path) + "(?:&amp;|[?&])v=(\\d+)").matcher(page);
        assertThat(link.find()).as("the page links %s with its version", path).isTrue();
        return path + (path.contains("?") ? "&" : "?") + "v=" + link.group(1);
    }

    /** What the database sent to its clients while the request ran. */
    private static long databaseBytesSentFor(Runnable request) {
        long before = bytesSent();
        request.run();
        return bytesSent() - before;
    }

    private static long bytesSent() {
        return Long.parseLong(TestDatabase.query("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'BYTES_SENT'").get(0));
    }

    /** A PNG of random pixels (so it does not compress): about 3 bytes a pixel. */
    private static byte[] png(int side, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long createProduct(String token, String name) {
        HttpResponse<String> created = acme.postJson("/api/v1/products",
                "{\"name\":\"" + name + "\",\"summary\":\"A test product\",\"trialDays\":7,\"tags\":[\"test\"]}", Http.bearer(token));
        assertThat(created.statusCode()).as("%s", created.body()).isEqualTo(201);
        return Http.json(created).get("id").asLong();
    }

    private long addPlan(String token, long product) {
        HttpResponse<String> added = acme.postJson("/api/v1/products/" + product + "/plans",
                "{\"name\":\"Standard\",\"licensePrice\":5.00,\"billingFrequency\":1,\"billingUnit\":\"MONTHS\"}", Http.bearer(token));
        assertThat(added.statusCode()).as("%s", added.body()).isEqualTo(201);
        return Http.json(added).get("plans").get(0).get("id").asLong();
    }

    /** Submits, approves and publishes the product; its slug. */
    private String publish(String vendor, String admin, long product) {
        assertThat(acme.post("/api/v1/products/" + product + "/submit", Http.bearer(vendor)).statusCode()).isEqualTo(200);
        assertThat(acme.postJson("/api/v1/products/" + product + "/approve", "{}", Http.bearer(admin)).statusCode()).isEqualTo(200);
        HttpResponse<String> published = acme.post("/api/v1/products/" + product + "/publish", Http.bearer(vendor));
        assertThat(published.statusCode()).as("%s", published.body()).isEqualTo(200);
        JsonNode view = Http.json(published);
        return view.get("slug").asText();
    }

    /** The acme storefront's logo, favicon and first banner's picture as they were, to put back. */
    private record StorefrontPictures(byte[] logo, byte[] favicon, byte[] banner) {

        static StorefrontPictures of(Http acme) {
            return new StorefrontPictures(current(acme, "/storefront/logo"), current(acme, "/storefront/favicon"),
                    current(acme, "/storefront/banner?n=1"));
        }

        private static byte[] current(Http acme, String path) {
            HttpResponse<byte[]> response = acme.getBytes(path);
            return response.statusCode() == 200 ? response.body() : null;
        }

        void restore(Http acme, String admin) {
            put(acme, admin, "logo", logo);
            put(acme, admin, "favicon", favicon);
            if (banner == null) {
                acme.delete("/api/v1/storefronts/mine/banners/1/image", Http.bearer(admin));
            } else {
                put(acme, admin, "banners/1/image", banner);
            }
        }

        private static void put(Http acme, String admin, String picture, byte[] data) {
            if (data != null) {
                assertThat(acme.putBytes("/api/v1/storefronts/mine/" + picture, "image/png", data, Http.bearer(admin)).statusCode())
                        .as("%s put back", picture).isEqualTo(200);
            }
        }
    }
}
