package org.cloudmarket.web.backoffice;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** The address a page's request came from, for the audit lines its actions write. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String ofRequest() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }
}
