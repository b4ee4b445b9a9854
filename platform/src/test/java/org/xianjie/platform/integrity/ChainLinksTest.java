package org.xianjie.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainLinksTest {

    private static List<ChainLinks.Link> chain(String... entries) {
        List<ChainLinks.Link> links = new ArrayList<>();
        String previous = ChainLinks.GENESIS;
        for (int i = 0; i < entries.length; i++) {
            String hash = ChainLinks.link(previous, entries[i]);
            links.add(new ChainLinks.Link(i + 1, "e" + (i + 1), entries[i], previous, hash));
            previous = hash;
        }
        return links;
    }

    @Test
    void theFirstLinkHashesTheEntryAfterThirtyTwoZeroBytes() {
        // SHA-256 of 32 zero bytes followed by "{}", computed independently
        assertThat(ChainLinks.link(ChainLinks.GENESIS, "{}"))
                .isEqualTo(java.util.HexFormat.of().formatHex(sha(new byte[32], "{}".getBytes())));
    }

    @Test
    void anIntactChainHasNoBreak() {
        assertThat(ChainLinks.firstBreak(chain("{\"a\":1}", "{\"a\":2}", "{\"a\":3}")))
                .isEmpty();
        assertThat(ChainLinks.firstBreak(List.of())).isEmpty();
    }

    @Test
    void anEditedEntryIsTheFirstBreakWithTheHashItNowGives() {
        List<ChainLinks.Link> links = new ArrayList<>(chain("{\"a\":1}", "{\"a\":2}", "{\"a\":3}"));
        ChainLinks.Link second = links.get(1);
        links.set(1, new ChainLinks.Link(2, "e2", "{\"a\":20}", second.previousHash(), second.hash()));
        ChainLinks.BrokenLink b = ChainLinks.firstBreak(links).orElseThrow();
        assertThat(b.sequence()).isEqualTo(2);
        assertThat(b.entryId()).isEqualTo("e2");
        assertThat(b.storedHash()).isEqualTo(second.hash());
        assertThat(b.expectedHash()).isEqualTo(ChainLinks.link(second.previousHash(), "{\"a\":20}"));
    }

    @Test
    void aRemovedEntryBreaksTheChainWhereItWas() {
        List<ChainLinks.Link> links = new ArrayList<>(chain("{\"a\":1}", "{\"a\":2}", "{\"a\":3}"));
        links.remove(1);
        assertThat(ChainLinks.firstBreak(links).orElseThrow().sequence()).isEqualTo(2);
    }

    @Test
    void anEntryWhoseHashWasRecomputedBreaksTheNextLink() {
        List<ChainLinks.Link> links = new ArrayList<>(chain("{\"a\":1}", "{\"a\":2}", "{\"a\":3}"));
        ChainLinks.Link first = links.get(0);
        links.set(
                0,
                new ChainLinks.Link(
                        1,
                        "e1",
                        "{\"a\":9}",
                        first.previousHash(),
                        ChainLinks.link(first.previousHash(), "{\"a\":9}")));
        ChainLinks.BrokenLink b = ChainLinks.firstBreak(links).orElseThrow();
        assertThat(b.sequence()).isEqualTo(2);
        assertThat(b.reason()).contains("previous hash");
    }

    private static byte[] sha(byte[] a, byte[] b) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            d.update(a);
            d.update(b);
            return d.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
