package org.xianjie.referral.domain.threshold;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/** A figure of {@link CaseFigures} a threshold condition can test; data names it by enum name. */
public enum Figure {
    /** 非法经营数额 */
    ILLEGAL_BUSINESS_VOLUME(CaseFigures::illegalBusinessVolume),
    /** 违法所得数额 */
    ILLEGAL_GAINS(CaseFigures::illegalGains),
    /** 销售金额 */
    SALES(CaseFigures::sales),
    /** 尚未销售的货值金额 */
    UNSOLD_GOODS_VALUE(CaseFigures::unsoldGoodsValue),
    /** 损失数额或违法所得数额 (trade secrets) */
    LOSS_OR_GAINS(CaseFigures::lossOrGains),
    /** 复制品数量 */
    COPIES(f -> count(f.copies())),
    /** 传播作品数量 (online) */
    ONLINE_WORKS(f -> count(f.onlineWorks())),
    /** 下载量 (online) */
    DOWNLOADS(f -> count(f.downloads())),
    /** 点击量 (online) */
    CLICKS(f -> count(f.clicks())),
    /** 注册会员人数 (online) */
    REGISTERED_MEMBERS(f -> count(f.registeredMembers()));

    private final Function<CaseFigures, BigDecimal> reader;

    Figure(Function<CaseFigures, BigDecimal> reader) {
        this.reader = reader;
    }

    /** This figure's value in {@code figures}, empty when not recorded. */
    public Optional<BigDecimal> valueIn(CaseFigures figures) {
        return Optional.ofNullable(reader.apply(figures));
    }

    private static BigDecimal count(Number n) {
        return n == null ? null : BigDecimal.valueOf(n.longValue());
    }
}
