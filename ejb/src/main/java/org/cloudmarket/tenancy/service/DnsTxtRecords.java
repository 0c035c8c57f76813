package org.cloudmarket.tenancy.service;

import java.util.List;

/** The TXT records the DNS publishes for a name: how an owner proves that a domain is its own. */
public interface DnsTxtRecords {

    /** The name's TXT records (each record's strings joined); empty when the name has none or does not exist. */
    List<String> lookup(String name);
}
