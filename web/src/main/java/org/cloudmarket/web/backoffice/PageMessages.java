package org.cloudmarket.web.backoffice;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;

/** The back-office's one way to tell a user what happened: a refusal names the field at fault. */
final class PageMessages {

    private PageMessages() {
    }

    static void done(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    static void refused(DomainException refusal) {
        String field = refusal instanceof InvalidInput invalid ? invalid.field() + ": " : "";
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, field + refusal.getMessage(), null));
    }
}
