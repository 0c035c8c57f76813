package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The storefront benchmark, outside the test command ({@code ./mvnw -q -Pbench -Dbench=storefront},
 * see README): on the integration tests' server and database, it seeds 1,000 published products
 * in acme, then drives the acme catalog page, a reseller's catalog page, a product page and a
 * static stylesheet with {@code wrk} (16 connections), one after the other in this run. Its last
 * line is the summary; the same line is written to {@code target/bench/storefront.txt}.
 */
@Tag("storefront")
class StorefrontBench extends EarIT {

    private static final int PRODUCTS = 1_000;
    private static final String TEMPLATE = "nimbus-mail";
    private static final String STATIC = "/resources/css/layout.css";
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private record Run(double rate, double p99Millis) {
    }

    @Test
    void storefront() throws Exception {
        assertThat(System.getProperty("bench", "storefront")).isEqualTo("storefront");
        seed();
        String product = "/product.xhtml?slug=bench-0500-" + TEMPLATE;
        assertThat(Http.host("reseller.acme.localhost").get(product).statusCode()).isEqualTo(200);
        assertThat(Http.host("acme.localhost").get("/catalog.xhtml").body()).contains("Bench 0001");

        // the server's JIT warms on every page first, so the order of the runs does not weigh on them
        for (String[] page : List.of(new String[] {"acme.localhost", "/catalog.xhtml"}, new String[] {"reseller.acme.localhost",
                "/catalog.xhtml"}, new String[] {"reseller.acme.localhost", product}, new String[] {"acme.localhost", STATIC})) {
            wrk(page[0], page[1], 5);
        }
        Run catalog = drive("acme.localhost", "/catalog.xhtml");
        Run reseller = drive("reseller.acme.localhost", "/catalog.xhtml");
        Run productPage = drive("reseller.acme.localhost", product);
        Run stylesheet = drive("acme.localhost", STATIC);

        double slowest = Math.min(catalog.rate(), Math.min(reseller.rate(), productPage.rate()));
        double p99 = Math.max(catalog.p99Millis(), Math.max(reseller.p99Millis(), productPage.p99Millis()));
        String line = String.format(Locale.ROOT,
                "storefront catalog-req/s=%.0f reseller-catalog-req/s=%.0f product-req/s=%.0f static-req/s=%.0f ratio=%.2f p99-ms=%.1f",
                catalog.rate(), reseller.rate(), productPage.rate(), stylesheet.rate(), slowest / stylesheet.rate(), p99);
        Path out = Path.of("target", "bench", "storefront.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n", StandardCharsets.UTF_8);
        System.out.println(line);
    }

    /**
     * 1,000 copies of a published demo product with its plans, named "Bench 0001 ..." so that they
     * fill the catalog's first pages, written straight into the tests' database (the API would take
     * minutes); the columns are read from the schema, so new ones are copied as they are.
     */
    private static void seed() {
        if (!TestDatabase.query("SELECT COUNT(*) FROM product WHERE slug LIKE 'bench-%'").get(0).equals("0")) {
            return;
        }
        String template = TestDatabase.query("SELECT p.id FROM product p JOIN tenant t ON t.id = p.tenant_id "
                + "WHERE t.slug = 'acme' AND p.slug = ?", TEMPLATE).get(0);
        List<String> productColumns = columns("product");
        TestDatabase.update("INSERT INTO product (" + String.join(", ", productColumns) + ") SELECT "
                + String.join(", ", productColumns.stream().map(column -> switch (column) {
                    case "name" -> "CONCAT('Bench ', LPAD(s.seq, 4, '0'), ' ', p.name)";
                    case "slug" -> "CONCAT('bench-', LPAD(s.seq, 4, '0'), '-', p.slug)";
                    default -> "p." + column;
                }).toList()) + " FROM product p JOIN seq_1_to_" + PRODUCTS + " s WHERE p.id = ?", template);
        List<String> planColumns = columns("plan");
        TestDatabase.update("INSERT INTO plan (" + String.join(", ", planColumns) + ") SELECT "
                + String.join(", ", planColumns.stream().map(column -> column.equals("product_id") ? "c.id" : "pl." + column).toList())
                + " FROM plan pl JOIN product c ON c.tenant_id = pl.tenant_id AND c.slug LIKE CONCAT('bench-%-', ?) "
                + "WHERE pl.product_id = ?", TEMPLATE, template);
        // a write through the application, so that nothing cached before the seed outlives it
        Http.host("reseller.acme.localhost").token("customer@acme.test", "demo"); // at Rossi's store
    }

    private static List<String> columns(String table) {
        List<String> columns = new ArrayList<>(TestDatabase.query("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position", table));
        columns.remove("id");
        return columns;
    }

    /** wrk, 16 connections: a short warm-up on the page, then the measured run. */
    private static Run drive(String host, String path) throws IOException, InterruptedException {
        wrk(host, path, 3);
        String report = wrk(host, path, 10);
        Matcher rate = RATE.matcher(report);
        Matcher p99 = P99.matcher(report);
        assertThat(rate.find() && p99.find()).as("wrk's report: %s", report).isTrue();
        Matcher errors = ERRORS.matcher(report);
        assertThat(errors.find() ? errors.group(1) : "0").as("failed requests on %s%s: %s", host, path, report).isEqualTo("0");
        double value = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
        Run run = new Run(Double.parseDouble(rate.group(1)), millis);
        int bytes = Http.host(host).get(path).body().getBytes(StandardCharsets.UTF_8).length;
        System.out.printf(Locale.ROOT, "%s%s: %.0f req/s, p99 %.1f ms, %d bytes%n", host, path, run.rate(), run.p99Millis(), bytes);
        return run;
    }

    private static String wrk(String host, String path, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("/usr/bin/wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency",
                "-H", "Host: " + host, Http.SERVER + path).redirectErrorStream(true).start();
        String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)).isTrue();
        assertThat(wrk.exitValue()).as("%s", report).isZero();
        return report;
    }
}
