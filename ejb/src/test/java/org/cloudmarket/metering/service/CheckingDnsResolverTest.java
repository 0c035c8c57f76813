package org.cloudmarket.metering.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class CheckingDnsResolverTest {

    /** A vendor's DNS that answers each lookup with the next answer queued (a rebinding attacker's). */
    private static final class FakeDns implements CheckingDnsResolver.Resolution {
        private final Deque<InetAddress[]> answers = new ArrayDeque<>();
        private int lookups;

        FakeDns then(String... literals) throws UnknownHostException {
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByAddress("metrics.vendor.test", InetAddress.getByName(literals[i]).getAddress());
            }
            answers.add(addresses);
            return this;
        }

        @Override
        public InetAddress[] resolve(String host) {
            lookups++;
            return answers.isEmpty() ? new InetAddress[0] : answers.poll();
        }
    }

    @Test
    void aPublicAddressIsReturned() throws UnknownHostException {
        FakeDns dns = new FakeDns().then("93.184.216.34");
        assertThat(new CheckingDnsResolver(dns, false).resolve("metrics.vendor.test")).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34");
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRefused() throws UnknownHostException {
        FakeDns dns = new FakeDns().then("10.0.0.7");
        assertThatThrownBy(() -> new CheckingDnsResolver(dns, false).resolve("metrics.vendor.test"))
                .isInstanceOf(CheckingDnsResolver.RefusedAddress.class)
                .hasMessage("metrics.vendor.test resolves to 10.0.0.7 (private): not polled");
    }

    @Test
    void oneRefusedAddressAmongPublicOnesRefusesTheName() throws UnknownHostException {
        FakeDns dns = new FakeDns().then("93.184.216.34", "169.254.169.254");
        assertThatThrownBy(() -> new CheckingDnsResolver(dns, false).resolve("metrics.vendor.test"))
                .isInstanceOf(CheckingDnsResolver.RefusedAddress.class).hasMessageContaining("169.254.169.254 (link-local)");
    }

    @Test
    void everyConnectionResolvesAgainSoARebindingToLoopbackIsRefused() throws UnknownHostException {
        FakeDns dns = new FakeDns().then("93.184.216.34").then("127.0.0.1");
        CheckingDnsResolver resolver = new CheckingDnsResolver(dns, false);

        assertThat(resolver.resolve("metrics.vendor.test")).hasSize(1);
        assertThatThrownBy(() -> resolver.resolve("metrics.vendor.test")).isInstanceOf(CheckingDnsResolver.RefusedAddress.class)
                .hasMessageContaining("127.0.0.1 (loopback)");
        assertThat(dns.lookups).isEqualTo(2);
    }

    @Test
    void localAddressesPassOnlyWhenTheServerAllowsThem() throws UnknownHostException {
        FakeDns dns = new FakeDns().then("127.0.0.1");
        assertThat(new CheckingDnsResolver(dns, true).resolve("localhost")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @Test
    void aNameWithoutAddressIsUnknown() {
        assertThatThrownBy(() -> new CheckingDnsResolver(new FakeDns(), false).resolve("nowhere.test"))
                .isInstanceOf(UnknownHostException.class).isNotInstanceOf(CheckingDnsResolver.RefusedAddress.class);
    }
}
