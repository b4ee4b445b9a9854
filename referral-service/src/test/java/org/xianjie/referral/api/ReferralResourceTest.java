package org.xianjie.referral.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.process.ReferralState;
import org.xianjie.referral.persistence.ReferralRepository;
import org.xianjie.referral.service.ReferralService;
import org.xianjie.referral.service.ReferralSummary;
import org.xianjie.referral.service.ReferralView;

/**
 * The referral resource alone: {@link ReferralService} is a mock, so these check only the api layer
 * (authentication, parsing of parameters and headers, problems as problem+json, what reaches the
 * service). The application still starts on the real PostgreSQL and broker of the test resource,
 * because its start needs them (Flyway, a JDBC read at start-up, the outbox relay's LISTEN); it
 * shares that started application with the other tests of this module.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class ReferralResourceTest {

    @InjectMock
    ReferralService referrals;

    private static RequestSpecification as(String agency) {
        return given().auth().oauth2(TestInfra.get().token(agency)).contentType(ContentType.JSON);
    }

    @Test
    void theListPassesTheParsedFiltersToTheServiceAndServesItsSummaries() {
        UUID id = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.of(2026, 5, 4, 16, 0, 0, 0, ZoneOffset.UTC);
        ReferralSummary summary = new ReferralSummary(
                id,
                caseId,
                "津市监处〔2026〕1号",
                "销售假冒注册商标的商品",
                "120000",
                ReferralState.SENT,
                new ReferralView.Parties("TJ-AMR", "TJ-PSB", "TJ-PROC", null, null),
                true,
                due,
                due.minusDays(3),
                4);
        when(referrals.list(any(), any())).thenReturn(Uni.createFrom().item(List.of(summary)));

        as("TJ-PSB")
                .queryParam("state", "SENT")
                .queryParam("overdue", "true")
                .queryParam("size", 10)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo(id.toString()))
                .body("[0].caseId", equalTo(caseId.toString()))
                .body("[0].state", equalTo("SENT"))
                .body("[0].parties.police", equalTo("TJ-PSB"))
                .body("[0].overdue", equalTo(true))
                .body("[0].version", equalTo(4));
        verify(referrals)
                .list(
                        argThat(caller -> caller.agencyCode().equals("TJ-PSB")),
                        eq(new ReferralRepository.ListFilter(ReferralState.SENT, true, null, null, 0, 10)));
    }

    @Test
    void aReferralTheServiceDoesNotFindIsA404Problem() {
        UUID id = UUID.randomUUID();
        when(referrals.find(any(), eq(id)))
                .thenReturn(Uni.createFrom().failure(ProblemException.notFound("referral", id)));

        as("TJ-IPO")
                .get("/api/v1/referrals/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("referral " + id + " was not found"));
    }

    @Test
    void anUnknownStateFilterIsA400NamingTheFieldAndNeverReachesTheService() {
        as("TJ-PSB")
                .queryParam("state", "LOST")
                .get("/api/v1/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("state"));
        verifyNoInteractions(referrals);
    }

    @Test
    void anUnknownStepOrAMalformedIfMatchIsA400NamingItAndNeverReachesTheService() {
        String referral = "/api/v1/referrals/" + UUID.randomUUID();
        as("TJ-PSB")
                .body("{}")
                .post(referral + "/steps/TELEPORT")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("step"));
        as("TJ-PSB")
                .header("If-Match", "\"latest\"")
                .body("{}")
                .post(referral + "/steps/RECEIVE")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match"));
        verifyNoInteractions(referrals);
    }

    @Test
    void withoutATokenNothingIsRead() {
        given().get("/api/v1/referrals").then().statusCode(401);
        verifyNoInteractions(referrals);
    }
}
