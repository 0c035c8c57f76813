package org.cloudmarket.web.backoffice;

import jakarta.faces.model.SelectItem;
import java.io.Serializable;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;
import org.cloudmarket.tenancy.service.BillingDetailsView;

/**
 * The fields of a billing-details form, named as the API's (a customer's dashboard, the customers
 * page, a seller's settings): plain text until BillingDetailsRules checks it in the service.
 */
public class BillingForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String kind = "COMPANY";
    private String name;
    private String address;
    private String city;
    private String postalCode;
    private String country = "IT";
    private String vatNumber;
    private String fiscalCode;
    private String sdiCode;
    private String pec;
    private String iban;
    private String invoicePrefix;

    /** A visitor's sign-up: a person until it says otherwise, and no country until it picks one. */
    public static BillingForm forSignUp() {
        BillingForm form = new BillingForm();
        form.kind = "PERSON";
        form.country = null;
        return form;
    }

    public static BillingForm of(BillingDetailsView view) {
        BillingForm form = new BillingForm();
        if (view != null) {
            form.kind = view.kind() == null ? null : view.kind().name();
            form.name = view.name();
            form.address = view.address();
            form.city = view.city();
            form.postalCode = view.postalCode();
            form.country = view.country();
            form.vatNumber = view.vatNumber();
            form.fiscalCode = view.fiscalCode();
            form.sdiCode = view.sdiCode();
            form.pec = view.pec();
            form.iban = view.iban();
            form.invoicePrefix = view.invoicePrefix();
        }
        return form;
    }

    /** What the form holds; an empty optional field clears it. A customer's form sends no iban or prefix. */
    public BillingDetailsInput toInput() {
        return new BillingDetailsInput(kind, name, address, city, postalCode, country, text(vatNumber), text(fiscalCode),
                text(sdiCode), text(pec), text(iban), text(invoicePrefix));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Italy's e-invoice asks for more (fiscal code, SDI code, PEC). */
    public boolean italian() {
        return "IT".equalsIgnoreCase(country);
    }

    /**
     * The one country list of every billing form (sign-up, dashboard, customers, settings): ISO
     * 3166-1 codes, each named in the page's language with its code, sorted by that name as the
     * language sorts.
     */
    public static List<SelectItem> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new SelectItem(code, new Locale("", code).getDisplayCountry(locale) + " (" + code + ")"))
                .sorted(Comparator.comparing(SelectItem::getLabel, collator))
                .toList();
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

    public String getIban() {
        return iban;
    }

    public void setIban(String iban) {
        this.iban = iban;
    }

    public String getInvoicePrefix() {
        return invoicePrefix;
    }

    public void setInvoicePrefix(String invoicePrefix) {
        this.invoicePrefix = invoicePrefix;
    }
}
