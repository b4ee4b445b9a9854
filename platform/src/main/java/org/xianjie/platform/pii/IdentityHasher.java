package org.xianjie.platform.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identity numbers (居民身份证号码, 统一社会信用代码) as the suite keeps and publishes them: a keyed
 * hash (HMAC-SHA256 under an operator's secret) that matches the same person across cases but
 * cannot be inverted by trying every birth date and district, which an unkeyed hash can in seconds.
 *
 * <p>Every hash is written {@code keyId:hex}. A number is hashed under every active key, so that
 * after a rotation the new and the old key both match; the old key is retired once no stored
 * record depends on it alone (two years, the repeat-offender window). The HMAC is taken over the
 * SHA-256 of the normalized number, which lets stored legacy SHA-256 values be re-keyed
 * ({@link #rekey}) without the clear number, and then dropped.
 */
public final class IdentityHasher {

    /** A secret with its id; at least 32 bytes. */
    public record Key(String id, byte[] secret) {
        public Key {
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("a key id is 1-32 letters, digits, '-' or '_'");
            }
            if (secret == null || secret.length < 32) {
                throw new IllegalArgumentException("key " + id + " is shorter than 32 bytes");
            }
            secret = secret.clone();
        }
    }

    private final List<Key> keys;

    /** {@code keys} in order of preference, the current one first; all of them are active. */
    public IdentityHasher(List<Key> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("at least one identity HMAC key is required");
        }
        Map<String, Key> byId = new LinkedHashMap<>();
        for (Key k : keys) {
            if (byId.put(k.id(), k) != null) {
                throw new IllegalArgumentException("identity HMAC key id " + k.id() + " appears twice");
            }
        }
        this.keys = List.copyOf(byId.values());
    }

    /**
     * Parses {@code id1:base64,id2:base64} (current key first), the form of
     * {@code xianjie.identity.hmac-keys}.
     */
    public static IdentityHasher parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("xianjie.identity.hmac-keys is not set: give id:base64-secret[,...]");
        }
        List<Key> keys = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            int colon = e.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("an identity HMAC key is written id:base64-secret");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(e.substring(colon + 1).strip());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException(
                        "the secret of identity HMAC key " + e.substring(0, colon) + " is not base64");
            }
            keys.add(new Key(e.substring(0, colon), secret));
        }
        return new IdentityHasher(keys);
    }

    /** The id of the key new records are written under. */
    public String currentKeyId() {
        return keys.get(0).id();
    }

    public List<String> activeKeyIds() {
        return keys.stream().map(Key::id).toList();
    }

    /** The keyed hashes of {@code number}, one per active key ({@code keyId:hex}), current key first. */
    public List<String> hashes(String number) {
        return rekey(legacySha256(number));
    }

    /** The same keyed hashes from a stored unkeyed SHA-256 (hex) of the normalized number. */
    public List<String> rekey(String sha256Hex) {
        byte[] input = sha256Hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return keys.stream()
                .map(k -> k.id() + ":" + HexFormat.of().formatHex(hmac(k, input)))
                .toList();
    }

    /** Whether two sets of keyed hashes name the same number (under some key both were written with). */
    public static boolean match(List<String> a, List<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    /** Upper case without spaces, so that {@code ...123x} and {@code ...123X} hash alike. */
    public static String normalize(String number) {
        return number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /**
     * What a reader needs to tell parties apart: the last 4 characters, the rest starred
     * ({@code **************5432}). The region and birth date at the front would narrow a search.
     */
    public static String mask(String number) {
        String n = normalize(number);
        if (n.length() <= 4) {
            return "*".repeat(n.length());
        }
        return "*".repeat(n.length() - 4) + n.substring(n.length() - 4);
    }

    /** The former, unkeyed form; used only to re-key stored values and as the HMAC's input. */
    static String legacySha256(String number) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(normalize(number).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static byte[] hmac(Key key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
