package org.cloudmarket.web.storefront;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cloudmarket.tenancy.service.StorefrontEditor;
import org.cloudmarket.tenancy.service.StorefrontImage;

/** The logo and favicon of the request's storefront: each host serves its own. */
@WebServlet({"/storefront/logo", "/storefront/favicon"})
public class StorefrontImageServlet extends HttpServlet {

    @Inject
    private StorefrontEditor storefronts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StorefrontImage> image = storefronts.image(request.getServletPath().endsWith("favicon"));
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(image.get().contentType());
        // a new logo shows on the next page load; the host decides which storefront's image this is
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Host");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(image.get().data());
    }
}
