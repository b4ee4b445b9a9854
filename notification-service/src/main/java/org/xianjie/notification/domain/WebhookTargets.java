package org.xianjie.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which network addresses a webhook may reach. An agency's endpoint is a public address: loopback,
 * link-local (cloud metadata), private (RFC 1918, IPv6 ULA), unspecified, multicast, carrier-grade
 * NAT, documentation and reserved ranges are refused, also when written as an IPv4-mapped or
 * NAT64 IPv6 address; an operator's allow-list ({@link Network}) may open some of them for agencies
 * on an internal network.
 */
public final class WebhookTargets {

    private static final Pattern CANONICAL_V4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** A host whose last label is numeric or hex is an IP address in some spelling, never a DNS name. */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i)(.*\\.)?(0x[0-9a-f]*|\\d+)\\.?");

    private static final List<Network> NON_PUBLIC_V4 = List.of(
            Network.parse("0.0.0.0/8"),
            Network.parse("10.0.0.0/8"),
            Network.parse("100.64.0.0/10"),
            Network.parse("127.0.0.0/8"),
            Network.parse("169.254.0.0/16"),
            Network.parse("172.16.0.0/12"),
            Network.parse("192.0.0.0/24"),
            Network.parse("192.0.2.0/24"),
            Network.parse("192.88.99.0/24"),
            Network.parse("192.168.0.0/16"),
            Network.parse("198.18.0.0/15"),
            Network.parse("198.51.100.0/24"),
            Network.parse("203.0.113.0/24"),
            Network.parse("224.0.0.0/4"),
            Network.parse("240.0.0.0/4"));
    private static final List<Network> NON_PUBLIC_V6 = List.of(
            Network.parse("::/128"),
            Network.parse("::1/128"),
            Network.parse("100::/64"),
            Network.parse("2001:db8::/32"),
            Network.parse("fc00::/7"),
            Network.parse("fe80::/10"),
            Network.parse("fec0::/10"),
            Network.parse("ff00::/8"));

    private WebhookTargets() {}

    /**
     * Why {@code host} (as it appears in a URL, IPv6 in brackets) cannot name a webhook target
     * whatever it resolves to, or empty: IPv4 must be written as four decimal parts, because
     * {@code 2130706433}, {@code 0177.0.0.1} or {@code 0x7f.1} are loopback to some resolvers.
     */
    public static Optional<String> hostProblem(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            return Optional.empty();
        }
        if (NUMERIC_LAST_LABEL.matcher(h).matches() && !CANONICAL_V4.matcher(h).matches()) {
            return Optional.of("must be a DNS name or an IPv4 address in dotted-decimal form");
        }
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("localhost.")) {
            return Optional.of("must not name the local host");
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address embeds (IPv4-mapped, IPv4-compatible, NAT64), or the address itself. */
    public static InetAddress unwrap(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = allZero(b, 0, 12) && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
            boolean nat64 = (b[0] & 0xff) == 0x00
                    && (b[1] & 0xff) == 0x64
                    && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b
                    && allZero(b, 4, 12);
            if (mapped || compatible || nat64) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    /** Whether {@code address} is outside the public internet (see the class comment). */
    public static boolean nonPublic(InetAddress address) {
        InetAddress a = unwrap(address);
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        List<Network> ranges = a instanceof Inet4Address ? NON_PUBLIC_V4 : NON_PUBLIC_V6;
        return ranges.stream().anyMatch(n -> n.contains(a));
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A CIDR block such as {@code 10.20.0.0/16} or {@code fd00::/8}; a bare address is a single host. */
    public record Network(byte[] prefix, int bits) {

        public static Network parse(String cidr) {
            String text = cidr.trim();
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (!address.contains(":") && !CANONICAL_V4.matcher(address).matches()) {
                throw new IllegalArgumentException("not an IP network: " + cidr);
            }
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("not an IP network: " + cidr);
                }
                return new Network(bytes, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an IP network: " + cidr, e);
            }
        }

        public boolean contains(InetAddress address) {
            byte[] a = unwrap(address).getAddress();
            if (a.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (prefix[full] & mask);
        }
    }
}
