package org.cloudmarket.tenancy.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JndiDnsTxtRecordsTest {

    @Test
    void aRecordOfSeveralQuotedStringsIsTheirConcatenation() {
        assertThat(JndiDnsTxtRecords.unquote("\"cloudmarket-domain-\" \"verification=abc\"")).isEqualTo("cloudmarket-domain-verification=abc");
        assertThat(JndiDnsTxtRecords.unquote("\"a \\\"quoted\\\" word\"")).isEqualTo("a \"quoted\" word");
        assertThat(JndiDnsTxtRecords.unquote("plain")).isEqualTo("plain");
    }
}
