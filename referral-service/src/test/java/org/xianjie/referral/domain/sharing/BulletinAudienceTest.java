package org.xianjie.referral.domain.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xianjie.platform.identity.Agency;
import org.xianjie.platform.identity.AgencyDirectory;

class BulletinAudienceTest {

    private final AgencyDirectory directory = new AgencyDirectory(Optional.empty(), new ObjectMapper());

    @Test
    void aBinhaiBulletinReachesBinhaiPoliceProcuratorateAndPeersAndTianjinPoliceAndProcuratorateOnly() {
        Agency sender = directory.find("BH-AMR").orElseThrow();
        assertThat(BulletinAudience.of(sender, directory.all()))
                .containsExactly("BH-CULTURE", "BH-PROC", "BH-PSB", "TJ-PROC", "TJ-PSB");
    }

    @Test
    void aHuangdaoBulletinClimbsToQingdaoAndShandong() {
        Agency sender = directory.find("HD-AMR").orElseThrow();
        assertThat(BulletinAudience.of(sender, directory.all()))
                .containsExactly("HD-PROC", "HD-PSB", "QD-PROC", "QD-PSB", "SD-PROC");
    }

    @Test
    void regionsAboveFollowTheCodeLevels() {
        assertThat(BulletinAudience.regionsAbove("370211")).containsExactly("370200", "370000");
        assertThat(BulletinAudience.regionsAbove("370200")).containsExactly("370000");
        assertThat(BulletinAudience.regionsAbove("120000")).isEmpty();
        assertThat(BulletinAudience.regionsAbove("bad")).isEmpty();
    }

    @Test
    void aCaseIsMajorByItsCategoryThresholdElseTheDefault() {
        MajorCaseRule rule =
                new MajorCaseRule(Map.of("TRADEMARK", new BigDecimal("500000")), new BigDecimal("1000000"));
        assertThat(rule.grounds("TRADEMARK", new BigDecimal("500000"))).contains("TRADEMARK: 500000 ≥ 500000");
        assertThat(rule.grounds("TRADEMARK", new BigDecimal("499999"))).isEmpty();
        assertThat(rule.grounds("PATENT", new BigDecimal("800000"))).isEmpty();
        assertThat(rule.grounds("PATENT", null)).isEmpty();
    }

    @Test
    void onlyTheSenderAndTheAddresseesMayLearnOfAnItem() {
        assertThat(SharingAccess.mayRead("QD-PSB", "TJ-CUSTOMS", java.util.List.of("QD-PSB")))
                .isTrue();
        assertThat(SharingAccess.mayRead("TJ-CUSTOMS", "TJ-CUSTOMS", java.util.List.of("QD-PSB")))
                .isTrue();
        assertThat(SharingAccess.mayRead("QD-PROC", "TJ-CUSTOMS", java.util.List.of("QD-PSB")))
                .isFalse();
        assertThat(SharingAccess.mayRead(null, "TJ-CUSTOMS", java.util.List.of("QD-PSB")))
                .isFalse();
    }
}
