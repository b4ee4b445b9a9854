package org.xianjie.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryEvidenceAccessTest {

    @Test
    void theAddresseeInTheAddressedRoleAndTheSenderMayReadNobodyElse() {
        assertThat(DeliveryEvidenceAccess.mayRead("TJ-AMR", Set.of("officer"), "TJ-AMR", null, "TJ-PSB"))
                .isTrue();
        assertThat(DeliveryEvidenceAccess.mayRead("TJ-PSB", Set.of("officer"), "TJ-AMR", null, "TJ-PSB"))
                .isTrue();
        assertThat(DeliveryEvidenceAccess.mayRead("TJ-PROC", Set.of("head"), "TJ-AMR", null, "TJ-PSB"))
                .isFalse();
    }

    @Test
    void aNotificationForTheHeadIsNotTheOfficersButStillTheSenders() {
        assertThat(DeliveryEvidenceAccess.mayRead("TJ-AMR", Set.of("officer"), "TJ-AMR", "head", "TJ-PSB"))
                .isFalse();
        assertThat(DeliveryEvidenceAccess.mayRead("TJ-AMR", Set.of("head"), "TJ-AMR", "head", "TJ-PSB"))
                .isTrue();
        assertThat(DeliveryEvidenceAccess.mayRead("TJ-PSB", Set.of("officer"), "TJ-AMR", "head", "TJ-PSB"))
                .isTrue();
    }

    @Test
    void withoutASenderOnlyTheAddresseeReads() {
        assertThat(DeliveryEvidenceAccess.mayRead("TJ-PSB", Set.of("officer"), "TJ-AMR", null, null))
                .isFalse();
        assertThat(DeliveryEvidenceAccess.mayRead(null, Set.of(), "TJ-AMR", null, null))
                .isFalse();
    }
}
