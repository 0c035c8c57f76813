package org.cloudmarket.web.backoffice;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Set;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.accounts.service.PasswordResets;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * /forgot-password.xhtml (asks for a reset link: the page says the same whatever the e-mail) and
 * /set-password.xhtml?token= (a reset or invitation link sets the password).
 */
@Named
@ViewScoped
public class PasswordPages implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PasswordResets resets;

    private String email;
    private String token;
    private String password;
    private boolean sent;
    private boolean passwordSet;

    public void requestReset() {
        try {
            resets.request(email, ClientAddress.ofRequest());
            sent = true;
        } catch (DomainException refused) {
            FieldMessages.refused("forgot", Set.of("email"), refused);
        }
    }

    public void setNewPassword() {
        try {
            resets.complete(token, password, ClientAddress.ofRequest(), Channel.WEB);
            passwordSet = true;
        } catch (InvalidInput refused) {
            FieldMessages.refused("password", Set.of("password"), refused);
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        } finally {
            password = null;
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isSent() {
        return sent;
    }

    public boolean isPasswordSet() {
        return passwordSet;
    }
}
