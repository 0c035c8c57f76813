package org.cloudmarket.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cloudmarket.customer.service.SignUpRequest;
import org.cloudmarket.customer.service.SignUpTerms;
import org.cloudmarket.customer.service.SignUps;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;
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
    private String kind = "PERSON";
    private String name;
    private String email;
    private String password;
    private String address;
    private String city;
    private String postalCode;
    private String country;
    private String vatNumber;
    private String fiscalCode;
    private String sdiCode;
    private String pec;
    private boolean acceptTerms;
    private boolean done;

    public void signUp() {
        try {
            signUps.signUp(new SignUpRequest(kind, name, email, password, address, city, postalCode, country, vatNumber,
                    italian() ? fiscalCode : null, italian() ? sdiCode : null, italian() ? pec : null, acceptTerms));
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

    /** ISO 3166 codes, named in the page's language and sorted by that name. */
    public List<SelectItem> getCountries() {
        Locale locale = branding.getLocale();
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new SelectItem(code, new Locale("", code).getDisplayCountry(locale) + " (" + code + ")"))
                .sorted(Comparator.comparing(SelectItem::getLabel, collator))
                .toList();
    }

    /** Italy's e-invoice asks for more: the fields show when the country is IT. */
    public boolean italian() {
        return "IT".equalsIgnoreCase(country);
    }

    /**
     * Also asked while a post is decoded, before the model holds the country: then the posted one
     * decides, so the Italian fields it showed are read.
     */
    public boolean isItalian() {
        String chosen = country != null ? country
                : facesContext.getExternalContext().getRequestParameterMap().get("signup:country");
        return "IT".equalsIgnoreCase(chosen);
    }

    public boolean isDone() {
        return done;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getVatNumber() {
        return vatNumber;
    }

    public void setVatNumber(String vatNumber) {
        this.vatNumber = vatNumber;
    }

    public String getFiscalCode() {
        return fiscalCode;
    }

    public void setFiscalCode(String fiscalCode) {
        this.fiscalCode = fiscalCode;
    }

    public String getSdiCode() {
        return sdiCode;
    }

    public void setSdiCode(String sdiCode) {
        this.sdiCode = sdiCode;
    }

    public String getPec() {
        return pec;
    }

    public void setPec(String pec) {
        this.pec = pec;
    }

    public boolean isAcceptTerms() {
        return acceptTerms;
    }

    public void setAcceptTerms(boolean acceptTerms) {
        this.acceptTerms = acceptTerms;
    }
}
