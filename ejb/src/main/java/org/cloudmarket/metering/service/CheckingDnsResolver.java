package org.cloudmarket.metering.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.cloudmarket.metering.domain.AddressPolicy;

/**
 * Resolves a poll's host for each connection HttpClient opens and refuses the connection when any address the name
 * resolves to is one {@link AddressPolicy} forbids: checked at connection time, not once when the metric is defined,
 * a name that a vendor's DNS turns into 127.0.0.1 or 169.254.169.254 later (DNS rebinding) is refused as well. All
 * addresses are checked, not only the first, since the client falls back on the next one when the first fails.
 * Local addresses pass only on a server started with {@code -Dcloudmarket.metering.allow-local-endpoints=true}
 * (the run profile, the tests' server).
 */
class CheckingDnsResolver implements DnsResolver {

    /** The resolution itself, the system's in production; a fake in the unit test. */
    interface Resolution {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A refused address: the poll fails with this reason, no connection is opened. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    private final Resolution resolution;
    /** Why an address is refused, or empty: AddressPolicy's, or none on a server allowing local endpoints. */
    private final Function<InetAddress, Optional<String>> policy;

    CheckingDnsResolver(Resolution resolution, boolean allowLocal) {
        this(resolution, allowLocal ? address -> Optional.empty() : AddressPolicy::refusal);
    }

    /** With another policy: PollClientTest's lets its stub's loopback through and refuses the rest as AddressPolicy. */
    CheckingDnsResolver(Resolution resolution, Function<InetAddress, Optional<String>> policy) {
        this.resolution = resolution;
        this.policy = policy;
    }

    static CheckingDnsResolver system(boolean allowLocal) {
        return new CheckingDnsResolver(SystemDefaultDnsResolver.INSTANCE::resolve, allowLocal);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolution.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host + " has no address");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.apply(address);
            if (refusal.isPresent()) {
                throw new RefusedAddress(host + " resolves to " + address.getHostAddress() + " (" + refusal.get() + "): not polled");
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
