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
 * fec0::/10), link-local (169.254/16, fe80::/10), multicast, broadcast, CGNAT 100.64/10, benchmarking 198.18/15,
 * reserved 240/4, IPv6 unique-local fc00::/7, and IPv4 addresses in IPv6 clothing by the IPv4 they carry: mapped
 * (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d: a NAT64 gateway connects to the IPv4) and 6to4
 * (2002:aabb:ccdd::/48: a 6to4 relay does).
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why the address is refused, or empty when a poll may connect to it. */
    public static Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet6Address) {
            Optional<Carried> carried = carriedIpv4(address.getAddress());
            if (carried.isPresent()) {
                return refusal(carried.get().ipv4()).map(reason -> reason + " (as " + carried.get().form() + ")");
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
            if (first == 198 && (second & 0xfe) == 18) {
                return Optional.of("benchmarking (198.18.0.0/15)");
            }
            if (first == 255 && second == 255 && (bytes[2] & 0xff) == 255 && (bytes[3] & 0xff) == 255) {
                return Optional.of("broadcast");
            }
            if ((first & 0xf0) == 240) {
                return Optional.of("reserved (240.0.0.0/4)");
            }
        } else if ((bytes[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local (fc00::/7)");
        }
        return Optional.empty();
    }

    public static boolean refuses(InetAddress address) {
        return refusal(address).isPresent();
    }

    /** An IPv4 address inside an IPv6 one, and the form that carries it (for the reason). */
    private record Carried(Inet4Address ipv4, String form) {
    }

    /**
     * The IPv4 address of an IPv4-mapped (::ffff:0:0/96) or IPv4-compatible (::/96, not :: or ::1), a NAT64
     * (64:ff9b::/96, RFC 6052) or a 6to4 (2002::/16, RFC 3056: bytes 2..5) IPv6 address.
     */
    private static Optional<Carried> carriedIpv4(byte[] bytes) {
        if (zero(bytes, 0, 10)) {
            boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            boolean compatible = bytes[10] == 0 && bytes[11] == 0 && (bytes[12] | bytes[13] | bytes[14] | (bytes[15] & 0xfe)) != 0;
            return mapped || compatible ? Optional.of(new Carried(ipv4(bytes, 12), "IPv6")) : Optional.empty();
        }
        if (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b && zero(bytes, 4, 12)) {
            return Optional.of(new Carried(ipv4(bytes, 12), "NAT64 IPv6"));
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return Optional.of(new Carried(ipv4(bytes, 2), "6to4 IPv6"));
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address ipv4(byte[] bytes, int offset) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are an IPv4 address", e);
        }
    }
}
