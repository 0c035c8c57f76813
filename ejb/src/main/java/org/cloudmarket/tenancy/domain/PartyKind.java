package org.cloudmarket.tenancy.domain;

/** Whom billing details describe: a private person (no VAT number needed) or a company. */
public enum PartyKind {
    PERSON,
    COMPANY
}
