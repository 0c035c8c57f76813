package org.cloudmarket.web.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.cloudmarket.identity.service.AuditLog;
import org.cloudmarket.identity.service.AuditView;
import org.cloudmarket.identity.service.Impersonation;
import org.cloudmarket.identity.service.SignedInUser;
import org.cloudmarket.identity.service.UserDirectory;
import org.cloudmarket.identity.service.UserView;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.web.security.WebSession;

/** The back-office home: who you are, whom you may act as, and the audit trail. */
@Named
@RequestScoped
public class BackOfficePage {

    @Inject
    private FacesContext facesContext;

    @Inject
    private UserDirectory userDirectory;

    @Inject
    private Impersonation impersonation;

    @Inject
    private AuditLog auditLog;

    private SignedInUser user;
    private List<UserView> impersonable;
    private List<AuditView> audit;

    @PostConstruct
    void load() {
        user = WebSession.acting(request()).orElseThrow(() -> new IllegalStateException("The back-office requires a session"));
    }

    public SignedInUser getUser() {
        return user;
    }

    public boolean isStaff() {
        return user.mayStartImpersonating();
    }

    public List<UserView> getImpersonable() {
        if (impersonable == null) {
            impersonable = isStaff() ? userDirectory.impersonable() : List.of();
        }
        return impersonable;
    }

    public List<AuditView> getAudit() {
        if (audit == null) {
            audit = isStaff() ? auditLog.latest(20) : List.of();
        }
        return audit;
    }

    public void actAs(long userId) throws IOException {
        try {
            SignedInUser target = impersonation.start(user, userId, request().getRemoteAddr());
            WebSession.startActingAs(request(), target);
            redirectHome();
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public void stopActing() throws IOException {
        impersonation.end(user, request().getRemoteAddr());
        WebSession.stopActing(request());
        redirectHome();
    }

    private void redirectHome() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/backoffice/");
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) facesContext.getExternalContext().getRequest();
    }
}
