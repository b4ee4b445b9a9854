package org.xianjie.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private static boolean nonPublic(String address) throws Exception {
        return WebhookTargets.nonPublic(InetAddress.getByName(address));
    }

    @Test
    void internalAddressesAreNotPublicInAnySpelling() throws Exception {
        for (String a : new String[] {
            "127.0.0.1",
            "127.255.0.9",
            "10.0.0.1",
            "172.16.5.4",
            "172.31.255.255",
            "192.168.0.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fc00::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::7f00:1",
            "::127.0.0.1"
        }) {
            assertThat(nonPublic(a)).as(a).isTrue();
        }
        for (String a : new String[] {"8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"}) {
            assertThat(nonPublic(a)).as(a).isFalse();
        }
    }

    @Test
    void hostsThatAreAddressesInDisguiseAreRefusedByName() {
        for (String h : new String[] {
            "2130706433",
            "0177.0.0.1",
            "0x7f.0.0.1",
            "0x7f000001",
            "127.1",
            "127.0.1",
            "010.0.0.1",
            "localhost",
            "api.localhost",
            "1.2.3.4.5"
        }) {
            assertThat(WebhookTargets.hostProblem(h)).as(h).isPresent();
        }
        for (String h : new String[] {"agency.example", "127.0.0.1", "8.8.8.8", "[::1]", "hooks.tj.gov.cn", "a1.b2"}) {
            assertThat(WebhookTargets.hostProblem(h)).as(h).isEmpty();
        }
    }

    @Test
    void networksContainTheirAddressesIncludingMappedForms() throws Exception {
        WebhookTargets.Network loopback = WebhookTargets.Network.parse("127.0.0.1/32");
        assertThat(loopback.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(loopback.contains(InetAddress.getByName("::ffff:127.0.0.1"))).isTrue();
        assertThat(loopback.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
        WebhookTargets.Network agencies = WebhookTargets.Network.parse("10.20.0.0/14");
        assertThat(agencies.contains(InetAddress.getByName("10.23.255.1"))).isTrue();
        assertThat(agencies.contains(InetAddress.getByName("10.24.0.1"))).isFalse();
        assertThat(WebhookTargets.Network.parse("fd00::/8").contains(InetAddress.getByName("fd12::1")))
                .isTrue();
    }
}
