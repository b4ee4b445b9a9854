package org.xianjie.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.xianjie.client.cases.api.CasesApi;
import org.xianjie.client.cases.api.EventsApi;
import org.xianjie.client.cases.model.AmountsInput;
import org.xianjie.client.cases.model.CaseCategory;
import org.xianjie.client.cases.model.CaseState;
import org.xianjie.client.cases.model.CaseView;
import org.xianjie.client.cases.model.CloudEvent;
import org.xianjie.client.cases.model.OpenCaseRequest;
import org.xianjie.client.cases.model.PartyInput;
import org.xianjie.client.cases.model.PartyKind;
import org.xianjie.client.cases.model.PenaltyRequest;
import org.xianjie.client.cases.model.Problem;
import org.xianjie.client.notification.api.ReferralTimelineApi;
import org.xianjie.client.notification.model.TimelineView;
import org.xianjie.client.referral.api.ReferralResourceApi;
import org.xianjie.client.referral.model.ReferralState;
import org.xianjie.client.referral.model.ReferralView;
import org.xianjie.client.referral.model.StartReferralRequest;
import org.xianjie.localinfra.Services;

/**
 * What an agency's developer does with the published contracts: generate a Java client from each
 * service's OpenAPI document (openapi-generator, at build time in this module) and drive the suite
 * with it, error answers included.
 */
class ClientGeneratedFromOpenApiEndToEndTest {

    @Test
    void anAgencyDrivesTheSuiteWithClientsGeneratedFromTheDocuments() throws Exception {
        CasesApi cases = new CasesApi(caseClient("TJ-AMR"));
        String number = Api.caseNumber();
        CaseView opened = cases.caseOpenCase(
                new OpenCaseRequest()
                        .caseNumber(number)
                        .category(CaseCategory.TRADEMARK)
                        .title("销售假冒注册商标的商品")
                        .summary("查获假冒运动鞋")
                        .openedOn(LocalDate.of(2026, 3, 2))
                        .amounts(new AmountsInput()
                                .illegalBusinessVolume(new BigDecimal("86000.00"))
                                .illegalGains(new BigDecimal("21000.00"))
                                .marks(1))
                        .parties(List.of(new PartyInput()
                                .kind(PartyKind.PERSON)
                                .name("张某")
                                .identityNumber("120101199001011234")
                                .role("经营者"))),
                UUID.randomUUID().toString());
        assertThat(opened.getState()).isEqualTo(CaseState.OPEN);
        assertThat(opened.getCaseNumber()).isEqualTo(number);

        // The single-event ingestion operation: a CloudEvent that records facts on the case.
        CaseView viaEvent = new EventsApi(caseClient("TJ-AMR"))
                .caseIngestEvent(new CloudEvent()
                        .specversion("1.0")
                        .id(UUID.randomUUID().toString())
                        .source("/agencies/TJ-AMR")
                        .type("org.xianjie.case.facts-recorded.v1")
                        .subject(number)
                        // the act happened now: after the opening, inside the backdating window
                        .time(OffsetDateTime.now(ZoneOffset.ofHours(8)))
                        .datacontenttype("application/json")
                        .data(Map.of(
                                "amounts",
                                Map.of("illegalBusinessVolume", 90000.00, "illegalGains", 21000.00, "marks", 1))));
        assertThat(viaEvent.getId()).isEqualTo(opened.getId());

        CaseView decided = cases.caseDecidePenalty(
                opened.getId(),
                new PenaltyRequest()
                        .decisionNumber("津市监罚〔2026〕" + opened.getId().toString().substring(0, 6) + "号")
                        .decisionDate(LocalDate.of(2026, 6, 10))
                        .fine(new BigDecimal("258000.00"))
                        .confiscation(new BigDecimal("21000.00")),
                null);
        assertThat(decided.getState()).isEqualTo(CaseState.PENALTY_DECIDED);

        // An error is RFC 9457 problem+json, readable with the generated Problem model.
        org.xianjie.client.cases.ApiException missing = catchThrowableOfType(
                org.xianjie.client.cases.ApiException.class, () -> cases.caseGetCase(UUID.randomUUID()));
        assertThat(missing.getCode()).isEqualTo(404);
        Problem problem = caseClient("TJ-AMR").getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType().toString()).isEqualTo("https://xianjie.org/problems/not-found");

        org.xianjie.client.cases.ApiException invalid = catchThrowableOfType(
                org.xianjie.client.cases.ApiException.class,
                () -> cases.caseOpenCase(
                        new OpenCaseRequest()
                                .caseNumber(Api.caseNumber())
                                .category(CaseCategory.TRADEMARK)
                                .openedOn(LocalDate.of(2026, 3, 2)),
                        null));
        assertThat(invalid.getCode()).isEqualTo(400);
        Problem refused = caseClient("TJ-AMR").getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertThat(refused.getErrors()).extracting(e -> e.getField()).contains("title");

        ReferralResourceApi referrals = new ReferralResourceApi(referralClient("TJ-AMR"));
        ReferralView referral = referrals.referralStartReferral(
                new StartReferralRequest()
                        .caseId(opened.getId())
                        .caseNumber(number)
                        .caseTitle("销售假冒注册商标的商品案")
                        .category(org.xianjie.client.referral.model.CaseCategory.TRADEMARK)
                        .reason("非法经营数额8.6万元")
                        .caseTeam(List.of("张伟", "李娜")),
                UUID.randomUUID().toString());
        assertThat(referral.getState()).isEqualTo(ReferralState.REPORTED);
        assertThat(referrals.referralGetReferral(referral.getId()).getCaseId()).isEqualTo(opened.getId());

        // notification-service learns of the referral over Kafka and serves its timeline.
        ReferralTimelineApi timelines = new ReferralTimelineApi(notificationClient("TJ-AMR"));
        AtomicReference<TimelineView> timeline = new AtomicReference<>();
        Api.await("referral " + referral.getId() + " in notification-service", Duration.ofSeconds(30), () -> {
            try {
                timeline.set(timelines.notificationGetReferralTimeline(referral.getId()));
                return true;
            } catch (org.xianjie.client.notification.ApiException e) {
                assertThat(e.getCode()).isEqualTo(404);
                return false;
            }
        });
        assertThat(timeline.get().getCaseId()).isEqualTo(opened.getId());
    }

    private static org.xianjie.client.cases.ApiClient caseClient(String agency) {
        org.xianjie.client.cases.ApiClient client = new org.xianjie.client.cases.ApiClient();
        client.updateBaseUri(RunningSuite.get().url(Services.CASE));
        client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + RunningSuite.token(agency)));
        return client;
    }

    private static org.xianjie.client.referral.ApiClient referralClient(String agency) {
        org.xianjie.client.referral.ApiClient client = new org.xianjie.client.referral.ApiClient();
        client.updateBaseUri(RunningSuite.get().url(Services.REFERRAL));
        client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + RunningSuite.token(agency)));
        return client;
    }

    private static org.xianjie.client.notification.ApiClient notificationClient(String agency) {
        org.xianjie.client.notification.ApiClient client = new org.xianjie.client.notification.ApiClient();
        client.updateBaseUri(RunningSuite.get().url(Services.NOTIFICATION));
        client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + RunningSuite.token(agency)));
        return client;
    }
}
