package org.cloudmarket.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.cloudmarket.customer.service.EmailVerifications;

/** The notice on a signed-in customer's pages while its e-mail is unverified, with a button for a new link. */
@Named
@RequestScoped
public class VerificationNotice {

    @Inject
    private EmailVerifications verifications;

    @Inject
    private HttpServletRequest request;

    private Boolean shown;
    private boolean sent;

    public boolean isShown() {
        if (shown == null) {
            shown = request.getUserPrincipal() != null && verifications.pendingForCaller();
        }
        return shown;
    }

    public void sendNewLink() {
        verifications.sendNewLink();
        sent = true;
    }

    public boolean isSent() {
        return sent;
    }
}
