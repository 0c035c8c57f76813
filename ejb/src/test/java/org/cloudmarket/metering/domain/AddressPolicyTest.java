package org.cloudmarket.metering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::", "0.1.2.3", "10.0.0.1", "10.255.255.255",
            "172.16.0.1", "172.31.255.254", "192.168.1.1", "169.254.169.254", "169.254.0.1", "fe80::1", "fec0::1",
            "224.0.0.1", "239.255.255.250", "ff02::1", "255.255.255.255", "100.64.0.1", "100.127.255.254", "fc00::1",
            "fd12:3456:789a::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::ffff:100.64.0.1", "::10.0.0.1"})
    void privateAndLocalAddressesAreRefused(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
            "169.253.255.255", "192.169.0.1", "11.0.0.1", "2606:4700:4700::1111", "2001:db8::1", "fbff::1", "fe00::1", "::ffff:8.8.8.8"})
    void publicAddressesArePolled(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4() throws UnknownHostException {
        // the JDK turns ::ffff:a.b.c.d into an Inet4Address when it parses one; built by hand it stays IPv6
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254};
        Inet6Address metadata = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(metadata).isInstanceOf(Inet6Address.class);
        assertThat(AddressPolicy.refusal(metadata)).hasValue("link-local (as IPv6)");
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(AddressPolicy.refusal(Inet6Address.getByAddress(null, mapped, -1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.18.0.1", "198.19.255.254", "240.0.0.1", "250.1.2.3", "255.255.255.254", "255.255.255.255",
            "64:ff9b::7f00:1", "64:ff9b::a00:7", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:a00:1::1", "2002:a9fe:a9fe:1::1"})
    void benchmarkingReservedAndIpv4CarriedByNat64Or6to4AreRefused(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.17.255.255", "198.20.0.1", "223.255.255.254", "64:ff9b::808:808", "2002:808:808::1", "64:ff9a::a00:1",
            "2003:a00:1::1"})
    void theirNeighboursAndPublicIpv4CarriedByNat64Or6to4ArePolled(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @Test
    void nat64And6to4NameTheIpv4TheyCarry() throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName("64:ff9b::a9fe:a9fe"))).hasValue("link-local (as NAT64 IPv6)");
        assertThat(AddressPolicy.refusal(InetAddress.getByName("2002:a00:1::1"))).hasValue("private (as 6to4 IPv6)");
        assertThat(AddressPolicy.refusal(InetAddress.getByName("198.18.0.1"))).hasValue("benchmarking (198.18.0.0/15)");
        assertThat(AddressPolicy.refusal(InetAddress.getByName("240.0.0.1"))).hasValue("reserved (240.0.0.0/4)");
    }

    @Test
    void theReasonNamesTheKindOfAddress() throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName("127.0.0.1"))).hasValue("loopback");
        assertThat(AddressPolicy.refusal(InetAddress.getByName("192.168.0.10"))).hasValue("private");
        assertThat(AddressPolicy.refusal(InetAddress.getByName("100.64.3.4"))).hasValue("carrier-grade NAT (100.64.0.0/10)");
    }
}
