package org.xianjie.platform.identity;

import java.util.regex.Pattern;

/**
 * The GB/T 2260 hierarchy of administrative regions, as a pure rule. A six-digit code names its
 * level by its trailing zeros: {@code 370000} a province (or a municipality, {@code 120000}
 * Tianjin), {@code 370200} a prefecture-level city (Qingdao), {@code 370211} a county or district
 * (Huangdao). A region lies within another when it shares the other's significant prefix (2, 4 or
 * 6 digits), so a municipality's districts ({@code 120116} Binhai, {@code 120101} Heping) lie
 * within {@code 120000} directly, as do the municipal-district level {@code 1201xx} codes.
 *
 * <p>This is the only place that knows the shape of a code; access rules (检察一体化: a
 * procuratorate supervises its region and every region beneath it) ask it.
 */
public final class Regions {

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    /** Levels from the top; a county is the finest level the directory knows. */
    public enum Level {
        /** 省级: province, autonomous region or municipality (2-digit prefix). */
        PROVINCE(2),
        /** 地级: prefecture-level city (4-digit prefix). */
        PREFECTURE(4),
        /** 县级: county, county-level city or district (all six digits). */
        COUNTY(6);

        private final int digits;

        Level(int digits) {
            this.digits = digits;
        }

        public int digits() {
            return digits;
        }
    }

    private Regions() {}

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The level of a six-digit code; anything else is refused, never guessed. */
    public static Level level(String code) {
        require(code);
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.PREFECTURE : Level.COUNTY;
    }

    /**
     * The significant digits of a code ({@code 12} for 120000, {@code 3702} for 370200): every
     * region within it starts with them. Queries use it as a {@code like 'prefix%'} pattern; a code
     * is digits only, so the pattern holds no wildcard.
     */
    public static String prefix(String code) {
        return code.substring(0, level(code).digits());
    }

    /**
     * Whether {@code region} is {@code ancestor} or lies beneath it. False for malformed codes, so
     * a bad code never widens what anyone sees.
     */
    public static boolean isWithin(String ancestor, String region) {
        if (!isCode(ancestor) || !isCode(region)) {
            return false;
        }
        return region.startsWith(prefix(ancestor));
    }

    private static void require(String code) {
        if (!isCode(code)) {
            throw new IllegalArgumentException("not a six-digit GB/T 2260 code: " + code);
        }
    }
}
