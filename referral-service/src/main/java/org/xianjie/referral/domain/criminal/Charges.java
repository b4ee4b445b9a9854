package org.xianjie.referral.domain.criminal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 罪名: the Criminal Law articles a suspect may be charged under on a referral from administrative
 * enforcement. The suite handles market regulation and IP cases, so the list is the articles those
 * referrals lead to: 140-148 (生产、销售伪劣商品), 213-220 (侵犯知识产权, 219-1 is 为境外窃取商业秘密),
 * 225 (非法经营).
 */
public final class Charges {

    public static final Set<String> ARTICLES = Set.of(
            "140", "141", "142", "143", "144", "145", "146", "147", "148", "213", "214", "215", "216", "217", "218",
            "219", "219-1", "220", "225");

    private Charges() {}

    /** The articles, in the order given without repeats; a problem if empty or one is unknown. */
    public static Optional<String> problem(List<String> articles) {
        if (articles == null || articles.isEmpty()) {
            return Optional.of("at least one Criminal Law article, e.g. \"213\"");
        }
        for (String a : articles) {
            if (a == null || !ARTICLES.contains(a)) {
                return Optional.of("'" + a + "' is not an article of " + new java.util.TreeSet<>(ARTICLES));
            }
        }
        return Optional.empty();
    }

    public static List<String> distinct(List<String> articles) {
        return List.copyOf(new LinkedHashSet<>(articles));
    }
}
