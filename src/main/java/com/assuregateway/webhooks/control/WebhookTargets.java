package com.assuregateway.webhooks.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the gateway calls with events: {@code https} to hosts on public addresses only, so that a
 * portal cannot make the gateway reach into its own network (the database, the cloud's metadata service,
 * an admin port). Checked when an endpoint is registered and again on the addresses the host resolves to
 * before every attempt (a name may point elsewhere later). With {@code allow-private-targets} (development,
 * tests) plain {@code http} and private addresses are allowed too.
 */
public final class WebhookTargets {

    static final int MAX_URL_LENGTH = 2000;

    private WebhookTargets() {
    }

    /** The URL as called, or why it is not acceptable (without resolving its host). */
    public static URI parse(String url, boolean allowPrivate) throws UnsafeTarget {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new UnsafeTarget("must be an absolute URL of at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new UnsafeTarget("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new UnsafeTarget("must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UnsafeTarget("must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new UnsafeTarget("must carry neither credentials nor a fragment");
        }
        return uri;
    }

    /** Resolves the host now and refuses it when any of its addresses is not public. */
    public static InetAddress[] resolvePublic(URI uri, boolean allowPrivate) throws UnsafeTarget {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new UnsafeTarget("host does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new UnsafeTarget("host resolves to a loopback, private or link-local address");
                }
            }
        }
        return addresses;
    }

    /** Not loopback, private, link-local, shared (CGNAT), unique-local, multicast, reserved or unspecified. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                     // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // shared address space (RFC 6598)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))  // benchmarking
                    && first < 240;                               // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;         // fc00::/7
            boolean siteLocalOld = first == 0xfe && (b[1] & 0xc0) == 0xc0;
            boolean mappedOrCompatible = isZero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff
                    || isZero(b, 10, 12));
            if (mappedOrCompatible) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
            return !uniqueLocal && !siteLocalOld;
        }
        return false;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
