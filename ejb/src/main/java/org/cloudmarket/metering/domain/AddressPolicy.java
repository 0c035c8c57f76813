package org.cloudmarket.metering.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a poll may connect to: a vendor's endpoint is on the public internet, so the platform never
 * requests its own host, its private networks or the cloud's metadata service (169.254.169.254) on a vendor's
 * behalf. Refused: loopback, any-local, 0.0.0.0/8, site-local and private (10/8, 172.16/12, 192.168/16,
 * fec0::/10), link-local (169.254/16, fe80::/10), multicast, broadcast, CGNAT 100.64/10, IPv6 unique-local
 * fc00::/7, and IPv4 addresses in IPv6 clothing (::ffff:a.b.c.d, ::a.b.c.d) by the IPv4 they carry.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why the address is refused, or empty when a poll may connect to it. */
    public static Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet6Address) {
            Optional<Inet4Address> carried = embeddedIpv4(address.getAddress());
            if (carried.isPresent()) {
                return refusal(carried.get()).map(reason -> reason + " (as IPv6)");
            }
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("any-local");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0) {
                return Optional.of("this network (0.0.0.0/8)");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("carrier-grade NAT (100.64.0.0/10)");
            }
            if (first == 255 && second == 255 && (bytes[2] & 0xff) == 255 && (bytes[3] & 0xff) == 255) {
                return Optional.of("broadcast");
            }
        } else if ((bytes[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local (fc00::/7)");
        }
        return Optional.empty();
    }

    public static boolean refuses(InetAddress address) {
        return refusal(address).isPresent();
    }

    /** The IPv4 address of an IPv4-mapped (::ffff:0:0/96) or IPv4-compatible (::/96, not :: or ::1) IPv6 address. */
    private static Optional<Inet4Address> embeddedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return Optional.empty();
            }
        }
        boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0 && (bytes[12] | bytes[13] | bytes[14] | (bytes[15] & 0xfe)) != 0;
        if (!mapped && !compatible) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are an IPv4 address", e);
        }
    }
}
