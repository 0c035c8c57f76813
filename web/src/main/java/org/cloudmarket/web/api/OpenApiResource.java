package org.cloudmarket.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI document of this API, served with it so that clients read the contract of the version they call. */
@Path("openapi.yaml")
public class OpenApiResource {

    private static final String DOCUMENT = "META-INF/openapi.yaml";

    private static String text;

    @GET
    @Produces({"application/yaml", MediaType.TEXT_PLAIN})
    public String document() {
        return text();
    }

    private static synchronized String text() {
        if (text == null) {
            text = load();
        }
        return text;
    }

    private static String load() {
        try (InputStream document = OpenApiResource.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (document == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the application");
            }
            return new String(document.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DOCUMENT, e);
        }
    }
}
