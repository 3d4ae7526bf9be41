package com.autoretail.common.tasks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a service may POST a callback, one policy for every service of the fleet, so that a caller cannot aim it
 * inward (a cloud metadata address, an admin port on loopback, a private network). A callback URL is accepted when
 * it is an absolute http(s) URL without credentials whose host, and port, match an entry of the allow-list:
 * <ul>
 *   <li>{@code host} (any port) or {@code host:port}, IPv6 as {@code [::1]} or {@code [::1]:8080}: named
 *   explicitly, so allowed whatever address it has (the local default names {@code localhost} and
 *   {@code 127.0.0.1});</li>
 *   <li>{@code *.dealer.example} or {@code *} (optionally {@code :port}): hosts of a domain, or any host, but only
 *   while every address they resolve to is public: loopback, link-local (169.254.0.0/16, fe80::/10, where cloud
 *   metadata lives), private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT, unspecified and
 *   multicast addresses are refused, in whatever notation they are written (decimal {@code 2852039166}, hex,
 *   IPv4-mapped IPv6).</li>
 * </ul>
 * Senders check again just before sending (a name may resolve elsewhere by then) and never follow redirects.
 */
public final class CallbackPolicy {

    /** One allow-list entry: a host or a wildcard, and a port or any (-1). */
    private record Entry(String host, int port) {

        static Entry parse(String text) {
            String entry = text.trim().toLowerCase(Locale.ROOT);
            if (!entry.startsWith("[") && entry.indexOf(':') != entry.lastIndexOf(':')) {
                entry = "[" + entry + "]";   // a bare IPv6 address; URLs write it in brackets
            }
            int port = -1;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(']') < colon && (entry.startsWith("[") || entry.indexOf(':') == colon)) {
                try {
                    port = Integer.parseInt(entry.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("callback allow-list entry " + text + ": bad port", e);
                }
                entry = entry.substring(0, colon);
            }
            return new Entry(entry, port);
        }

        boolean wildcard() {
            return host.startsWith("*");
        }

        boolean matches(String host, int port) {
            if (this.port != -1 && this.port != port) {
                return false;
            }
            if (this.host.equals("*")) {
                return true;
            }
            return wildcard() ? host.endsWith(this.host.substring(1)) : this.host.equals(host);
        }
    }

    private final List<Entry> allowed;

    public CallbackPolicy(Collection<String> allowed) {
        this.allowed = allowed.stream().filter(entry -> !entry.isBlank()).map(Entry::parse).toList();
    }

    /** Why the URL may not be called back, or empty when it may. */
    public Optional<String> refusal(String callbackUrl) {
        URI uri;
        try {
            uri = new URI(callbackUrl);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        List<Entry> matching = allowed.stream().filter(entry -> entry.matches(host, port)).toList();
        if (matching.isEmpty()) {
            return Optional.of("host " + host + " port " + port + " is not allowed (not on the callback allow-list)");
        }
        if (matching.stream().anyMatch(entry -> !entry.wildcard())) {
            return Optional.empty();
        }
        return inward(host).map(address -> "host " + host + " resolves to " + address
                + ", an address callbacks may not reach unless the host is allowed by name");
    }

    /** An address of the host that is not public, if any; a name that does not resolve counts as refused. */
    private static Optional<String> inward(String host) {
        try {
            String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            for (InetAddress address : InetAddress.getAllByName(name)) {
                if (!isPublic(address)) {
                    return Optional.of(address.getHostAddress());
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("nothing (unknown host)");
        }
    }

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isMappedIpv4(bytes)) {
            try {
                return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128);   // "this network", CGNAT
        }
        return (bytes[0] & 0xfe) != 0xfc;   // fc00::/7, unique local
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
