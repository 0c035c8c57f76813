package org.cloudmarket.web.storefront;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cloudmarket.shared.cache.Generations;
import org.cloudmarket.shared.cache.TenantCache;
import org.cloudmarket.tenancy.service.HostRoute;
import org.cloudmarket.web.tenancy.HostTenancy;

/**
 * The storefront pages every anonymous visitor sees alike (home, catalog, product), rendered once
 * per change of the tenant and kept a few seconds at most, for what changes with the clock alone.
 * A page is keyed by everything it depends on besides the tenant's data: the storefront, the
 * address, the parameters the page reads (in a fixed order), and the visitor's language. A request
 * with any other parameter is rendered and not kept: a crawler's {@code ?x=<random>} would
 * otherwise fill the cache with copies. A signed-in visitor never gets a cached page, nor do their
 * pages enter the cache: a pinned customer's prices stay theirs. Only a plain 200 without a cookie
 * is kept, and without the security headers, which SecurityHeaders (mapped before this filter in
 * web.xml) sets for each request: HSTS only over TLS, whichever request rendered the page.
 */
public class StorefrontPageCache extends HttpFilter {

    /** What all tenants' pages may hold together: a full cache renders, it never grows. */
    static final long BUDGET_BYTES = 64L * 1024 * 1024;
    private static final TenantCache<Key, Page> PAGES = new TenantCache<>(Duration.ofSeconds(10), 2_000, Page::bytes, BUDGET_BYTES);
    private static final Map<Key, CountDownLatch> RENDERING = new ConcurrentHashMap<>();
    private static final Duration RENDER_WAIT = Duration.ofSeconds(2);
    /** Larger pages are rendered every time rather than held in memory. */
    private static final int MAX_PAGE_BYTES = 512 * 1024;

    /** Says whether a page came from the cache: for whoever measures the storefront, and its tests. */
    static final String HEADER = "X-Storefront-Cache";

    @Inject
    private HostTenancy hostTenancy;

    /** The parameters each page reads (CatalogBrowser, ProductPage); the home page reads none. */
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "/catalog.xhtml", List.of("q", "category", "vendor", "minPrice", "maxPrice", "trial", "page"),
            "/product.xhtml", List.of("slug", "id"));

    /** Set afresh for every request by SecurityHeaders, never replayed: HSTS depends on the request's TLS. */
    private static final Set<String> FRESH_HEADERS = Set.of("content-security-policy", "strict-transport-security",
            "x-frame-options", "x-content-type-options", "referrer-policy");

    private static final Set<String> UNKEPT_HEADERS = Set.of("set-cookie", "date", "content-length", "x-storefront-cache");

    private record Key(long storefrontId, String path, List<String> parameters, String language) {
    }

    private record Page(byte[] body, List<Map.Entry<String, String>> headers) {
        long bytes() {
            return body.length + headers.stream().mapToLong(header -> header.getKey().length() + header.getValue().length()).sum();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!cacheable(request)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> parameters = pageParameters(request);
        if (parameters == null) {
            response.setHeader(HEADER, "miss");
            chain.doFilter(request, response);
            return;
        }
        HostRoute route = hostTenancy.route();
        Key key = new Key(route.storefrontId(), request.getRequestURI(), parameters, Branding.chosenLanguage(request));
        Generations.Generation generation = Generations.of(route.tenantId());
        TenantCache.Cached<Page> cached = PAGES.lookup(route.tenantId(), key);
        CountDownLatch rendering = null;
        if (cached == null) {
            // visitors who ask for a page being rendered wait for it rather than all rendering it
            CountDownLatch mine = new CountDownLatch(1);
            CountDownLatch first = RENDERING.putIfAbsent(key, mine);
            if (first != null && awaited(first)) {
                cached = PAGES.lookup(route.tenantId(), key);
            } else if (first == null) {
                rendering = mine;
            }
        }
        if (cached != null && !cached.refresh()) {
            response.setHeader(HEADER, "hit");
            replay(cached.value(), response);
            return;
        }
        try {
            render(request, response, chain, route, key, generation);
        } finally {
            if (rendering != null) {
                RENDERING.remove(key, rendering);
                rendering.countDown();
            }
        }
    }

    private static boolean awaited(CountDownLatch rendering) {
        try {
            return rendering.await(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, HostRoute route, Key key,
                        Generations.Generation generation) throws IOException, ServletException {
        response.setHeader(HEADER, "miss");
        BufferedResponse buffered = new BufferedResponse(response);
        chain.doFilter(request, buffered);
        byte[] body = buffered.body();
        HttpSession session = request.getSession(false);
        if (buffered.getStatus() == HttpServletResponse.SC_OK && !buffered.setsCookie() && buffered.completed()
                && (session == null || !session.isNew()) && request.getUserPrincipal() == null && body.length <= MAX_PAGE_BYTES) {
            PAGES.put(route.tenantId(), generation, key, new Page(body, headersOf(response)));
        }
        if (buffered.completed()) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Anonymous GETs only; a language pick sets its cookie and is rendered. */
    private static boolean cacheable(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getUserPrincipal() == null && request.getParameter("lang") == null
                && request.getHeader("Authorization") == null;
    }

    /**
     * The values of the parameters the page reads, in their fixed order (null for one not given),
     * or null when the request carries another parameter or one twice: such a page is not kept.
     */
    static List<String> pageParameters(HttpServletRequest request) {
        String path = request.getServletPath();
        List<String> names = PARAMETERS.getOrDefault(path, List.of());
        Map<String, String[]> given = request.getParameterMap();
        if (!names.containsAll(given.keySet()) || given.values().stream().anyMatch(values -> values.length != 1)) {
            return null;
        }
        String[] values = new String[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = request.getParameter(names.get(i));
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    private static List<Map.Entry<String, String>> headersOf(HttpServletResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!UNKEPT_HEADERS.contains(lower) && !FRESH_HEADERS.contains(lower)) {
                response.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
            }
        }
        return List.copyOf(headers);
    }

    private static void replay(Page page, HttpServletResponse response) throws IOException {
        List<String> set = new ArrayList<>();
        for (Map.Entry<String, String> header : page.headers()) {
            if (set.contains(header.getKey())) {
                response.addHeader(header.getKey(), header.getValue());
            } else {
                response.setHeader(header.getKey(), header.getValue());
                set.add(header.getKey());
            }
        }
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }
}
