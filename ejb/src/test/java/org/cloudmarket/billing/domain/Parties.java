package org.cloudmarket.billing.domain;

import org.cloudmarket.tenancy.domain.PartyKind;

/** The parties of the worked examples. */
final class Parties {

    static final Party ACME_IT = company("Acme S.r.l.", "IT", "IT01234567890");
    static final Party GMBH_DE = company("Wolke GmbH", "DE", "DE123456789");
    static final Party DE_COMPANY_WITHOUT_VAT_NUMBER = company("Wolke GmbH", "DE", null);
    static final Party US_INC = company("Cloudy Inc.", "US", null);
    static final Party ROSSI_IT = person("Mario Rossi", "IT");
    static final Party DUPONT_FR = person("Jeanne Dupont", "FR");
    static final Party ROMA_IT_COMPANY = company("Roma Servizi S.p.A.", "IT", "IT09876543210");

    private Parties() {
    }

    static Party company(String name, String country, String vatNumber) {
        return new Party(name, PartyKind.COMPANY, "Via Roma 1", "Milano", "20121", country, vatNumber, null, null, null);
    }

    static Party person(String name, String country) {
        return new Party(name, PartyKind.PERSON, "Via Verdi 2", "Roma", "00184", country, null, "RSSMRA80A01H501U", null, null);
    }
}
