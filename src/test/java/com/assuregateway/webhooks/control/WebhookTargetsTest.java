package com.assuregateway.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    @Test
    void onlyHttpsUnlessPrivateTargetsAreAllowed() throws Exception {
        assertThat(WebhookTargets.parse("https://hooks.example.com/in", false))
                .isEqualTo(URI.create("https://hooks.example.com/in"));
        assertThatThrownBy(() -> WebhookTargets.parse("http://hooks.example.com/in", false))
                .isInstanceOf(UnsafeTarget.class).hasMessageContaining("https");
        assertThat(WebhookTargets.parse("http://127.0.0.1:8080/in", true)).hasScheme("http");
        assertThatThrownBy(() -> WebhookTargets.parse("ftp://hooks.example.com/in", true))
                .isInstanceOf(UnsafeTarget.class);
    }

    @Test
    void refusesWhatIsNotAPlainAbsoluteUrl() {
        for (String bad : List.of("", "hooks.example.com/in", "https:///in", "https://user:pw@hooks.example.com/",
                "https://hooks.example.com/in#x", "https://hooks example.com/", "https://x/" + "a".repeat(2000))) {
            assertThatThrownBy(() -> WebhookTargets.parse(bad, false)).as(bad).isInstanceOf(UnsafeTarget.class);
        }
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreNotPublic() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "198.18.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
                "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1")) {
            assertThat(WebhookTargets.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111", "100.128.0.1")) {
            assertThat(WebhookTargets.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void theResolvedAddressIsCheckedNotOnlyTheName() throws Exception {
        // a name that resolves to loopback is as refused as the literal address
        assertThatThrownBy(() -> WebhookTargets.resolvePublic(URI.create("https://localhost/in"), false))
                .isInstanceOf(UnsafeTarget.class).hasMessageContaining("private");
        assertThatThrownBy(() -> WebhookTargets.resolvePublic(URI.create("https://[::1]/in"), false))
                .isInstanceOf(UnsafeTarget.class);
        assertThat(WebhookTargets.resolvePublic(URI.create("http://127.0.0.1/in"), true)).isNotEmpty();
    }
}
