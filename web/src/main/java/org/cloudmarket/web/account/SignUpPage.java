package org.cloudmarket.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import org.cloudmarket.customer.service.SignUpRequest;
import org.cloudmarket.customer.service.SignUpTerms;
import org.cloudmarket.customer.service.SignUps;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.web.backoffice.BillingForm;
import org.cloudmarket.web.storefront.Branding;

/** The sign-up form of every storefront: SignUps decides, each refusal is shown beside its field. */
@Named
@RequestScoped
public class SignUpPage {

    private static final Set<String> FIELDS = Set.of("kind", "name", "email", "password", "address", "city", "postalCode",
            "country", "vatNumber", "fiscalCode", "sdiCode", "pec", "acceptTerms");

    @Inject
    private SignUps signUps;

    @Inject
    private Branding branding;

    @Inject
    private FacesContext facesContext;

    private SignUpTerms terms;
    /** The billing details, as the dashboard and settings hold them; a visitor starts as a person, no country chosen. */
    private final BillingForm billing = BillingForm.forSignUp();
    private String email;
    private String password;
    private boolean acceptTerms;
    private boolean done;

    public void signUp() {
        boolean italian = billing.italian();
        try {
            signUps.signUp(new SignUpRequest(billing.getKind(), billing.getName(), email, password, billing.getAddress(),
                    billing.getCity(), billing.getPostalCode(), billing.getCountry(), billing.getVatNumber(),
                    italian ? billing.getFiscalCode() : null, italian ? billing.getSdiCode() : null, italian ? billing.getPec() : null,
                    acceptTerms), ((HttpServletRequest) facesContext.getExternalContext().getRequest()).getRemoteAddr());
            done = true;
        } catch (InvalidInput invalid) {
            String target = FIELDS.contains(invalid.field()) ? "signup:" + invalid.field() : null;
            facesContext.addMessage(target, new FacesMessage(FacesMessage.SEVERITY_ERROR, invalid.getMessage(), null));
        } catch (DomainException refused) {
            facesContext.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        }
    }

    public SignUpTerms getTerms() {
        if (terms == null) {
            terms = signUps.terms();
        }
        return terms;
    }

    /** The one country list of the billing forms, in the storefront's language. */
    public List<SelectItem> getCountries() {
        return BillingForm.countries(branding.getLocale());
    }

    /**
     * Also asked while a post is decoded, before the model holds the country: then the posted one
     * decides, so the Italian fields it showed are read.
     */
    public boolean isItalian() {
        return billing.getCountry() != null ? billing.italian()
                : "IT".equalsIgnoreCase(facesContext.getExternalContext().getRequestParameterMap().get("signup:country"));
    }

    public boolean isDone() {
        return done;
    }

    public BillingForm getBilling() {
        return billing;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isAcceptTerms() {
        return acceptTerms;
    }

    public void setAcceptTerms(boolean acceptTerms) {
        this.acceptTerms = acceptTerms;
    }
}
