package org.cloudmarket.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Signing out from any page of any storefront: a form post, so another site cannot trigger it. */
@Named
@RequestScoped
public class SignOut {

    @Inject
    private FacesContext facesContext;

    public void signOut() throws IOException, ServletException {
        ExternalContext external = facesContext.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.redirect(external.getRequestContextPath() + "/");
    }
}
