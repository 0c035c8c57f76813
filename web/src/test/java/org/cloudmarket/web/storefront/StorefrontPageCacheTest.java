package org.cloudmarket.web.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A page is kept under the parameters it reads, in their fixed order; any other parameter makes it a page not kept. */
class StorefrontPageCacheTest {

    @Test
    void theKeyHoldsTheParametersThePageReadsInAFixedOrder() {
        assertThat(StorefrontPageCache.pageParameters(get("/catalog.xhtml", "page", "1", "q", "nimbus")))
                .isEqualTo(StorefrontPageCache.pageParameters(get("/catalog.xhtml", "q", "nimbus", "page", "1")))
                .containsExactly("nimbus", null, null, null, null, null, "1");
        assertThat(StorefrontPageCache.pageParameters(get("/product.xhtml", "slug", "nimbus-mail"))).containsExactly("nimbus-mail", null);
        assertThat(StorefrontPageCache.pageParameters(get("/index.xhtml"))).isEmpty();
    }

    @Test
    void aRequestWithAnyOtherParameterIsNotKept() {
        assertThat(StorefrontPageCache.pageParameters(get("/catalog.xhtml", "q", "nimbus", "x", "8f3a"))).isNull();
        assertThat(StorefrontPageCache.pageParameters(get("/index.xhtml", "x", "8f3a"))).as("the home page reads none").isNull();
        assertThat(StorefrontPageCache.pageParameters(get("/product.xhtml", "q", "nimbus"))).as("another page's").isNull();
        assertThat(StorefrontPageCache.pageParameters(get("/catalog.xhtml", "q", "a", "q", "b"))).as("one given twice").isNull();
    }

    /** A GET of the servlet path with the query's parameters, as the container parses them. */
    private static HttpServletRequest get(String path, String... query) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            String[] before = parameters.getOrDefault(query[i], new String[0]);
            String[] values = Arrays.copyOf(before, before.length + 1);
            values[before.length] = query[i + 1];
            parameters.put(query[i], values);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(StorefrontPageCacheTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getServletPath" -> path;
                    case "getParameterMap" -> parameters;
                    case "getParameter" -> parameters.containsKey((String) arguments[0]) ? parameters.get((String) arguments[0])[0] : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
