package org.cloudmarket.web.backoffice;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;

/** The back-office's one way to tell a user what happened: a refusal names the field at fault. */
public final class PageMessages {

    private PageMessages() {
    }

    public static void done(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    public static void refused(DomainException refusal) {
        String field = refusal instanceof InvalidInput invalid ? invalid.field() + ": " : "";
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, field + refusal.getMessage(), null));
    }

    /** A refusal the page itself makes (a box left unticked), from the message bundle. */
    public static void refusedKey(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key), null));
    }

    public static void doneKey(String key) {
        done(text(key));
    }

    /** Messages that survive a redirect (a form that posts, then shows the page again afresh). */
    public static void keepForNextPage() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }
}
