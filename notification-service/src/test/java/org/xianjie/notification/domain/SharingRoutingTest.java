package org.xianjie.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xianjie.events.SharingEventTypes;

class SharingRoutingTest {

    private final Router router = new Router(RoutingTable.standard());

    private static RoutedEvent shared(
            String type, String actor, String sender, List<String> to, List<String> added, String responsible) {
        return new RoutedEvent(
                type,
                null,
                new Parties(null, null, null, null),
                actor,
                responsible,
                "出口假冒运动鞋线索",
                null,
                sender,
                to,
                added);
    }

    @Test
    void aClueSentReachesOnlyItsAddresseesToAct() {
        List<Recipient> r = router.route(shared(
                SharingEventTypes.CLUE_SENT, "TJ-CUSTOMS", "TJ-CUSTOMS", List.of("QD-PSB", "HD-PSB"), List.of(), null));
        assertThat(r).extracting(Recipient::agency).containsExactly("HD-PSB", "QD-PSB");
        assertThat(r).extracting(Recipient::urgency).containsOnly(Urgency.ACTION);
        assertThat(r.get(0).titleZh()).isEqualTo("收到线索通报，请按期答复：出口假冒运动鞋线索");
    }

    @Test
    void aReplyToAClueGoesBackToTheSenderOnlyAndAForwardAlsoToTheNewReceiver() {
        assertThat(router.route(shared(
                        SharingEventTypes.CLUE_ACCEPTED,
                        "QD-PSB",
                        "TJ-CUSTOMS",
                        List.of("QD-PSB", "HD-PSB"),
                        List.of(),
                        null)))
                .extracting(Recipient::agency)
                .containsExactly("TJ-CUSTOMS");
        List<Recipient> forwarded = router.route(shared(
                SharingEventTypes.CLUE_FORWARDED,
                "QD-PSB",
                "TJ-CUSTOMS",
                List.of("QD-PSB", "HD-PSB"),
                List.of("HD-PSB"),
                null));
        assertThat(forwarded)
                .extracting(Recipient::agency, Recipient::urgency)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("HD-PSB", Urgency.ACTION),
                        org.assertj.core.groups.Tuple.tuple("TJ-CUSTOMS", Urgency.INFO));
    }

    @Test
    void aBulletinReachesItsAddresseesAndItsReadReceiptTheSender() {
        assertThat(router.route(shared(
                        SharingEventTypes.BULLETIN_ISSUED,
                        "BH-AMR",
                        "BH-AMR",
                        List.of("BH-PSB", "BH-PROC", "TJ-PSB"),
                        List.of(),
                        null)))
                .extracting(Recipient::agency)
                .containsExactly("BH-PROC", "BH-PSB", "TJ-PSB");
        assertThat(router.route(shared(
                        SharingEventTypes.BULLETIN_READ,
                        "TJ-PSB",
                        "BH-AMR",
                        List.of("BH-PSB", "BH-PROC", "TJ-PSB"),
                        List.of(),
                        null)))
                .extracting(Recipient::agency)
                .containsExactly("BH-AMR");
        assertThat(router.route(shared(
                        SharingEventTypes.BULLETIN_FOLLOWED_UP,
                        "TJ-PSB",
                        "BH-AMR",
                        List.of("BH-PSB", "TJ-PSB"),
                        List.of(),
                        null)))
                .extracting(Recipient::agency)
                .containsExactly("BH-AMR", "BH-PSB");
    }

    @Test
    void aBreachedTaskIsUrgentForItsAssigneeAndTheConvener() {
        assertThat(router.route(shared(
                        SharingEventTypes.DEADLINE_BREACHED,
                        null,
                        "TJ-PROC",
                        List.of("TJ-PSB", "TJ-AMR"),
                        List.of(),
                        "TJ-PSB")))
                .extracting(Recipient::agency, Recipient::urgency)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TJ-PROC", Urgency.URGENT),
                        org.assertj.core.groups.Tuple.tuple("TJ-PSB", Urgency.URGENT));
    }

    @Test
    void everySharingEventTypeHasItsOwnRule() {
        RoutingTable table = RoutingTable.standard();
        for (java.lang.reflect.Field f : SharingEventTypes.class.getFields()) {
            if (f.getType() == String.class && !f.getName().equals("PREFIX")) {
                try {
                    assertThat(table.knows((String) f.get(null)))
                            .as(f.getName())
                            .isTrue();
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
