package org.xianjie.cases.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Identity numbers of parties (居民身份证号码, 统一社会信用代码) are personal data: the suite keeps
 * and sends only their SHA-256 (to match repeat offenders) and a masked form for people to read.
 */
public final class IdentityNumbers {

    private IdentityNumbers() {
    }

    /** Upper case without spaces, so that {@code 12010119900101123x} and {@code ...123X} hash alike. */
    public static String normalize(String number) {
        return number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** SHA-256 hex of the normalized number. */
    public static String hash(String number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalize(number).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The first 4 and last 4 characters with the rest starred: {@code 1201**********123X}. */
    public static String mask(String number) {
        String n = normalize(number);
        if (n.length() <= 8) {
            return "*".repeat(n.length());
        }
        return n.substring(0, 4) + "*".repeat(n.length() - 8) + n.substring(n.length() - 4);
    }
}
