package org.xianjie.referral.domain.threshold;

import java.math.BigDecimal;
import java.util.Objects;
import org.xianjie.events.CaseCategory;

/**
 * The amounts and counts a penalty decision records, screened against the thresholds. Every figure
 * is nullable: unknown means "not recorded", and a condition on an unknown figure never fires.
 *
 * @param category                              the case category
 * @param illegalBusinessVolume                 非法经营数额, yuan
 * @param illegalGains                          违法所得数额, yuan
 * @param sales                                 销售金额, yuan
 * @param unsoldGoodsValue                      尚未销售的货值金额, yuan
 * @param lossOrGains                           trade secrets: 损失数额或违法所得数额, yuan
 * @param copies                                复制品数量 (for art. 218: copies sold)
 * @param marks                                 how many registered marks were counterfeited
 * @param serviceMark                           the marks are service marks (服务商标), not goods marks
 * @param penalisedForSameConductWithinTwoYears 二年内因实施同类行为受过行政处罚, from the suite's own records
 * @param onlineWorks                           online: works disseminated (传播作品数量)
 * @param downloads                             online: downloads (下载量)
 * @param clicks                                online: clicks (点击量)
 * @param registeredMembers                     online: registered members (注册会员人数)
 */
public record CaseFigures(
        CaseCategory category,
        BigDecimal illegalBusinessVolume,
        BigDecimal illegalGains,
        BigDecimal sales,
        BigDecimal unsoldGoodsValue,
        BigDecimal lossOrGains,
        Integer copies,
        Integer marks,
        boolean serviceMark,
        boolean penalisedForSameConductWithinTwoYears,
        Long onlineWorks,
        Long downloads,
        Long clicks,
        Long registeredMembers) {

    public CaseFigures {
        Objects.requireNonNull(category, "category");
        for (BigDecimal amount :
                new BigDecimal[] {illegalBusinessVolume, illegalGains, sales, unsoldGoodsValue, lossOrGains}) {
            if (amount != null && amount.signum() < 0) {
                throw new IllegalArgumentException("amounts cannot be negative: " + amount);
            }
        }
        for (Number count : new Number[] {copies, marks, onlineWorks, downloads, clicks, registeredMembers}) {
            if (count != null && count.longValue() < 0) {
                throw new IllegalArgumentException("counts cannot be negative: " + count);
            }
        }
    }

    public MarkKind markKind() {
        return serviceMark ? MarkKind.SERVICE : MarkKind.GOODS;
    }

    public static Builder builder(CaseCategory category) {
        return new Builder(category);
    }

    /** Builds figures field by field, since most cases record only two or three of them. */
    public static final class Builder {
        private final CaseCategory category;
        private BigDecimal illegalBusinessVolume;
        private BigDecimal illegalGains;
        private BigDecimal sales;
        private BigDecimal unsoldGoodsValue;
        private BigDecimal lossOrGains;
        private Integer copies;
        private Integer marks;
        private boolean serviceMark;
        private boolean penalisedWithinTwoYears;
        private Long onlineWorks;
        private Long downloads;
        private Long clicks;
        private Long registeredMembers;

        private Builder(CaseCategory category) {
            this.category = category;
        }

        public Builder illegalBusinessVolume(BigDecimal value) {
            this.illegalBusinessVolume = value;
            return this;
        }

        public Builder illegalGains(BigDecimal value) {
            this.illegalGains = value;
            return this;
        }

        public Builder sales(BigDecimal value) {
            this.sales = value;
            return this;
        }

        public Builder unsoldGoodsValue(BigDecimal value) {
            this.unsoldGoodsValue = value;
            return this;
        }

        public Builder lossOrGains(BigDecimal value) {
            this.lossOrGains = value;
            return this;
        }

        public Builder copies(Integer value) {
            this.copies = value;
            return this;
        }

        public Builder marks(Integer value) {
            this.marks = value;
            return this;
        }

        public Builder serviceMark(boolean value) {
            this.serviceMark = value;
            return this;
        }

        public Builder penalisedForSameConductWithinTwoYears(boolean value) {
            this.penalisedWithinTwoYears = value;
            return this;
        }

        public Builder onlineWorks(Long value) {
            this.onlineWorks = value;
            return this;
        }

        public Builder downloads(Long value) {
            this.downloads = value;
            return this;
        }

        public Builder clicks(Long value) {
            this.clicks = value;
            return this;
        }

        public Builder registeredMembers(Long value) {
            this.registeredMembers = value;
            return this;
        }

        public CaseFigures build() {
            return new CaseFigures(
                    category,
                    illegalBusinessVolume,
                    illegalGains,
                    sales,
                    unsoldGoodsValue,
                    lossOrGains,
                    copies,
                    marks,
                    serviceMark,
                    penalisedWithinTwoYears,
                    onlineWorks,
                    downloads,
                    clicks,
                    registeredMembers);
        }
    }
}
