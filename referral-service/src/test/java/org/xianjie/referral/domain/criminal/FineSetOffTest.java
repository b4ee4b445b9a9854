package org.xianjie.referral.domain.criminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FineSetOffTest {

    private static BigDecimal yuan(long v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void administrativeFineSmallerThanTheCriminalFineIsSetOffInFull() {
        FineSetOff.Result r = FineSetOff.apply(yuan(80_000), yuan(50_000), BigDecimal.ZERO);
        assertThat(r.setOff()).isEqualByComparingTo("50000");
        assertThat(r.fineDue()).isEqualByComparingTo("30000");
    }

    @Test
    void setOffNeverExceedsTheCriminalFine() {
        FineSetOff.Result r = FineSetOff.apply(yuan(20_000), yuan(50_000), BigDecimal.ZERO);
        assertThat(r.setOff()).isEqualByComparingTo("20000");
        assertThat(r.fineDue()).isEqualByComparingTo("0");
    }

    @Test
    void oneAdministrativeFineIsSetOffOnceAcrossDefendants() {
        FineSetOff.Result first = FineSetOff.apply(yuan(30_000), yuan(50_000), BigDecimal.ZERO);
        FineSetOff.Result second = FineSetOff.apply(yuan(30_000), yuan(50_000), first.setOff());
        FineSetOff.Result third =
                FineSetOff.apply(yuan(30_000), yuan(50_000), first.setOff().add(second.setOff()));
        assertThat(first.setOff()).isEqualByComparingTo("30000");
        assertThat(second.setOff()).isEqualByComparingTo("20000");
        assertThat(second.fineDue()).isEqualByComparingTo("10000");
        assertThat(third.setOff()).isEqualByComparingTo("0");
        assertThat(third.fineDue()).isEqualByComparingTo("30000");
    }

    @Test
    void noAdministrativeFineOrNoCriminalFineSetsOffNothing() {
        assertThat(FineSetOff.apply(yuan(10_000), null, null).setOff()).isEqualByComparingTo("0");
        assertThat(FineSetOff.apply(yuan(10_000), null, null).fineDue()).isEqualByComparingTo("10000");
        assertThat(FineSetOff.apply(BigDecimal.ZERO, yuan(5_000), BigDecimal.ZERO)
                        .setOff())
                .isEqualByComparingTo("0");
    }
}
