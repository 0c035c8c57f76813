package org.cloudmarket.web.storefront;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.service.StorefrontEditor;
import org.cloudmarket.tenancy.service.StorefrontImage;

/** The logo, favicon and banner pictures ({@code ?n=1}) of the request's storefront: each host serves its own. */
@WebServlet({"/storefront/logo", "/storefront/favicon", "/storefront/banner"})
public class StorefrontImageServlet extends HttpServlet {

    @Inject
    private StorefrontEditor storefronts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StorefrontImage> image = image(request);
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

    private Optional<StorefrontImage> image(HttpServletRequest request) {
        String path = request.getServletPath();
        if (!path.endsWith("banner")) {
            return storefronts.image(path.endsWith("favicon"));
        }
        String position = request.getParameter("n");
        if (position == null || !position.matches("[1-9]")) {
            return Optional.empty();
        }
        try {
            return storefronts.bannerImage(Integer.parseInt(position));
        } catch (NotFound noSuchBanner) {
            return Optional.empty();
        }
    }
}
