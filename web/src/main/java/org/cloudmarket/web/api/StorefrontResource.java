package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.cloudmarket.channel.service.StorefrontCurrency;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Banner;
import org.cloudmarket.tenancy.domain.Branding;
import org.cloudmarket.tenancy.domain.CatalogMode;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.cloudmarket.tenancy.service.StorefrontEditor;
import org.cloudmarket.tenancy.service.StorefrontView;

/** The caller's own storefront: the admin's is the tenant's, a reseller's or distributor's its own. */
@Path("storefronts/mine")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StorefrontResource {

    public record StorefrontRequest(String name, String tagline, String baseTheme, String primaryColor, String accentColor,
                                    String fontFamily, String seoTitle, String seoDescription, List<BannerRequest> banners,
                                    String footerText, Map<String, String> socialLinks, String checkoutTerms, List<String> languages,
                                    String defaultLanguage, String catalogMode, String currency) {
    }

    /** One banner; its picture is uploaded on its own. */
    public record BannerRequest(String title, String text, String link) {
    }

    /** The storefront as its owner edits it; bannerImages are the positions (from 1) of banners with a picture. */
    public record StorefrontResponse(long id, String name, String tagline, String baseTheme, String primaryColor, String accentColor,
                                     String fontFamily, String currency, boolean hasLogo, StorefrontDetails details,
                                     List<Integer> bannerImages,
                                     List<String> hosts, List<String> pendingHosts, List<StorefrontEditor.DomainRequest> domainRequests) {
    }

    @Inject
    private StorefrontEditor editor;

    @Inject
    private StorefrontCurrency currencies;

    @GET
    public StorefrontResponse mine() {
        return response(editor.mine());
    }

    @PUT
    public StorefrontResponse update(StorefrontRequest request) {
        StorefrontRequest body = Inputs.body(request);
        StorefrontDetails details = new StorefrontDetails(body.name(), body.tagline(), body.seoTitle(), body.seoDescription(),
                banners(body.banners()), body.footerText(), body.socialLinks(), body.checkoutTerms(), body.languages(),
                body.defaultLanguage(), Inputs.enumValue("catalogMode", CatalogMode.class, body.catalogMode()));
        Branding branding = Branding.of(Inputs.required("baseTheme", body.baseTheme()), body.primaryColor(), body.accentColor(),
                Inputs.required("fontFamily", body.fontFamily()));
        return response(currencies.save(body.currency(), () -> editor.update(details, branding)));
    }

    @PUT
    @Path("logo")
    @Consumes({"image/png", "image/jpeg", "image/webp"})
    public StorefrontResponse logo(byte[] image) {
        return response(editor.setLogo(image));
    }

    /** A host name to add. */
    public record HostRequest(String host) {
    }

    @POST
    @Path("hosts")
    public StorefrontResponse addHost(HostRequest request) {
        editor.addHost(Inputs.body(request).host());
        return response(editor.mine());
    }

    @PUT
    @Path("favicon")
    @Consumes({"image/png", "image/jpeg", "image/webp"})
    public StorefrontResponse favicon(byte[] image) {
        return response(editor.setFavicon(image));
    }

    @PUT
    @Path("banners/{position}/image")
    @Consumes({"image/png", "image/jpeg", "image/webp"})
    public StorefrontResponse bannerImage(@PathParam("position") int position, byte[] image) {
        return response(editor.setBannerImage(position, image));
    }

    @DELETE
    @Path("banners/{position}/image")
    public StorefrontResponse removeBannerImage(@PathParam("position") int position) {
        return response(editor.setBannerImage(position, null));
    }

    private static List<Banner> banners(List<BannerRequest> given) {
        if (given == null) {
            return List.of();
        }
        return given.stream().map(banner -> {
            if (banner == null) {
                throw new InvalidInput("banners", "A banner has at least a title");
            }
            return new Banner(banner.title(), banner.text(), banner.link());
        }).toList();
    }

    private StorefrontResponse response(StorefrontView view) {
        return new StorefrontResponse(view.id(), view.name(), view.tagline(), view.palette().baseTheme().themeName(),
                view.palette().primaryColor(), view.palette().accentColor(), view.palette().fontFamily(),
                view.currency().getCurrencyCode(), view.hasLogo(), view.details(), view.bannerPictures().keySet().stream().sorted().toList(), editor.hosts(), editor.pendingHosts(), editor.domainRequests());
    }
}
