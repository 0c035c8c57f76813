package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

/**
 * What browsers are told to enforce: over TLS (WildFly's own https listener and its self-signed
 * certificate) HSTS and Secure cookies; always a Content-Security-Policy and no framing, under
 * which the PrimeFaces pages still work in Chromium.
 */
class SecurityHeadersIT extends EarIT {

    @Test
    void aPageOverTlsCarriesHstsThePolicyAndOnlySecureCookies() {
        HttpResponse<String> page = overTls("acme.localhost", "/login.xhtml");

        assertThat(page.statusCode()).as("%s", page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'"));
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).as("the login page's session cookie").anyMatch(cookie -> cookie.startsWith("JSESSIONID="));
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; secure"));
    }

    @Test
    void aCachedPageRenderedOverPlainHttpGetsHstsWhenServedOverTlsAndThePolicyAlways() {
        String page = "/catalog.xhtml?q=" + UUID.randomUUID();
        HttpResponse<String> rendered = Http.host("acme.localhost").get(page);
        assertThat(rendered.headers().firstValue("X-Storefront-Cache")).hasValue("miss");
        assertThat(rendered.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> cached = overTls("acme.localhost", page);
        assertThat(cached.headers().firstValue("X-Storefront-Cache")).as("the page rendered over plain HTTP").hasValue("hit");
        assertThat(cached.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(cached.headers().allValues("Content-Security-Policy")).singleElement().asString().contains("frame-ancestors 'none'");
        assertThat(cached.headers().allValues("X-Frame-Options")).containsExactly("DENY");

        HttpResponse<String> plainAgain = Http.host("acme.localhost").get(page);
        assertThat(plainAgain.headers().firstValue("X-Storefront-Cache")).hasValue("hit");
        assertThat(plainAgain.headers().firstValue("Strict-Transport-Security")).as("never replayed over plain HTTP").isEmpty();
    }

    @Test
    void plainHttpForTheDemoHasThePolicyButNeitherHstsNorSecureCookies() {
        HttpResponse<String> page = Http.host("acme.localhost").get("/login.xhtml");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty().noneSatisfy(cookie ->
                assertThat(cookie).containsIgnoringCase("; secure"));
    }

    @Test
    void aClientsOwnForwardedProtoIsNotTrusted() {
        // The listener trusts X-Forwarded-Proto only behind a proxy (CLOUDMARKET_BEHIND_PROXY=true).
        HttpResponse<String> page = Http.host("acme.localhost").get("/login.xhtml", "X-Forwarded-Proto", "https");

        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.headers().allValues("Set-Cookie")).noneSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; secure"));
    }

    @Test
    void primeFacesPagesWorkUnderThePolicy() {
        try (Browser visitor = new Browser()) {
            visitor.open("acme.localhost", "/catalog.xhtml");
            assertThat(visitor.find("#products").getText()).contains("Nimbus");
            assertThat(visitor.blockedByThePolicy()).as("blocked on the catalog").isEmpty();

            visitor.open("acme.localhost", "/product.xhtml?slug=nimbus-backup");
            visitor.retype("[data-extra='storage']", "15");
            assertThat(visitor.waitForText("#calcLines", "15").getText()).isNotEmpty();
            assertThat(visitor.blockedByThePolicy()).as("blocked on the product page and its calculator").isEmpty();

            visitor.open("reseller.acme.localhost", "/login.xhtml"); // Rossi's store, in Italian
            visitor.type("#login\\:email", "customer@acme.test");
            visitor.type("#login\\:password", "demo");
            visitor.clickAndWait("#login\\:submit");
            assertThat(visitor.find("#welcome").getText()).isEqualTo("Benvenuto, Carlo Customer");
            assertThat(visitor.blockedByThePolicy()).as("blocked in the back-office").isEmpty();

            visitor.open("reseller.acme.localhost", "/");
            visitor.clickAndWait("#nav\\:signOut"); // h:commandLink: Faces' inline onclick
            assertThat(visitor.has("#nav\\:signInLink")).as("signed out").isTrue();
            assertThat(visitor.blockedByThePolicy()).as("blocked on the storefront").isEmpty();
        }
    }

    /** A GET over TLS to WildFly's https listener, which answers with a self-signed certificate. */
    private static HttpResponse<String> overTls(String host, String path) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new TrustingTheTestServer()}, null);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:8443" + path))
                    .timeout(Duration.ofSeconds(30)).header("Host", host + ":8443").GET().build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Accepts the test server's self-signed certificate, whatever host name the request uses. */
    private static final class TrustingTheTestServer extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
