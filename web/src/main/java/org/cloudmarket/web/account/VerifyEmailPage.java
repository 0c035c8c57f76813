package org.cloudmarket.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cloudmarket.customer.service.EmailVerifications;
import org.cloudmarket.shared.error.DomainException;

/**
 * The verification link's page. Opening it verifies nothing (a mail scanner prefetching links
 * must not): its button posts the token.
 */
@Named
@RequestScoped
public class VerifyEmailPage {

    @Inject
    private EmailVerifications verifications;

    @Inject
    private FacesContext facesContext;

    private String token;
    private boolean verified;

    public void verify() {
        try {
            verifications.verify(token);
            verified = true;
        } catch (DomainException refused) {
            facesContext.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean isVerified() {
        return verified;
    }
}
