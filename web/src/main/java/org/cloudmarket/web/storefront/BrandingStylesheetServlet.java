package org.cloudmarket.web.storefront;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cloudmarket.themes.BrandingStylesheet;

/** Serves the branding layer of the request's storefront, fresh on every page load. */
@WebServlet("/branding.css")
public class BrandingStylesheetServlet extends HttpServlet {

    @Inject
    private Branding branding;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/css;charset=UTF-8");
        // A theme edit must show on the next page load, on this storefront only.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Host");
        response.getWriter().write(BrandingStylesheet.render(branding.getStorefront().palette()));
    }
}
