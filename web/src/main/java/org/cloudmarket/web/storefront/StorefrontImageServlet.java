package org.cloudmarket.web.storefront;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.media.ServedImage;
import org.cloudmarket.tenancy.service.StorefrontEditor;
import org.cloudmarket.web.media.ImageHeaders;

/**
 * The logo, favicon and banner pictures ({@code ?n=1}) of the request's storefront: each host
 * serves its own. Pages link them with the picture's version ({@code &v=}, see StorefrontView),
 * which browsers may keep for good; without it, or with an old one, the client revalidates
 * every time, so a new logo shows on the next page load.
 */
@WebServlet({"/storefront/logo", "/storefront/favicon", "/storefront/banner"})
public class StorefrontImageServlet extends HttpServlet {

    @Inject
    private StorefrontEditor storefronts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ServedImage> image = image(request, ImageHeaders.clientHolds(request.getHeader("If-None-Match")));
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ServedImage served = image.get();
        boolean versioned = String.valueOf(served.tag().id()).equals(request.getParameter("v"));
        response.setHeader("ETag", ImageHeaders.etag(served.tag()));
        response.setHeader("Cache-Control", versioned ? ImageHeaders.FOR_A_VERSION : "public, no-cache");
        // the host decides which storefront's image this is
        response.setHeader("Vary", "Host");
        if (served.unchanged()) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(served.tag().contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        byte[] data = served.data().orElseThrow();
        response.setContentLength(data.length);
        response.getOutputStream().write(data);
    }

    private Optional<ServedImage> image(HttpServletRequest request, Predicate<String> clientHolds) {
        String path = request.getServletPath();
        if (!path.endsWith("banner")) {
            return storefronts.image(path.endsWith("favicon"), clientHolds);
        }
        String position = request.getParameter("n");
        if (position == null || !position.matches("[1-9]")) {
            return Optional.empty();
        }
        try {
            return storefronts.bannerImage(Integer.parseInt(position), clientHolds);
        } catch (NotFound noSuchBanner) {
            return Optional.empty();
        }
    }
}
