package org.xianjie.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
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
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.cases.domain.CaseState;
import org.xianjie.cases.domain.Party;
import org.xianjie.cases.domain.PartyKind;
import org.xianjie.cases.persistence.CaseRecord;
import org.xianjie.cases.service.CaseDetails;
import org.xianjie.cases.service.CaseQueries;
import org.xianjie.events.CaseCategory;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.platform.problem.ProblemException;

/**
 * The case resource alone: its reading service is a mock, so these check only what the api layer
 * does (authentication, parameters, the mapping to the view, problems as problem+json). The
 * service still starts on the real PostgreSQL and broker of the test resource, because its start
 * needs them (Flyway, a JDBC read at start-up, the outbox relay's LISTEN); with the other tests of
 * this module it shares one started application.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseResourceTest {

    @InjectMock
    CaseQueries queries;

    private static RequestSpecification as(String agency) {
        return given().auth().oauth2(TestInfra.get().token(agency));
    }

    @Test
    void aCaseIsServedAsTheViewOfWhatTheServiceFound() {
        UUID id = UUID.randomUUID();
        when(queries.find(any(), eq(id))).thenReturn(Uni.createFrom().item(details(id)));

        as("TJ-AMR")
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(id.toString()))
                .body("caseNumber", equalTo("津市监处〔2026〕1号"))
                .body("state", equalTo("PENALTY_DECIDED"))
                .body("allowedSteps", contains("add-evidence", "revoke-penalty", "close"))
                .body("amounts.illegalBusinessVolume", equalTo(86000.00f))
                .body("penalty.decisionNumber", equalTo("津市监罚〔2026〕12号"))
                .body("parties[0].name", equalTo("张某"))
                .body("parties[0].maskedIdentityNumber", equalTo("1234"))
                .body("parties[0]", not(hasKey("identityHashes")))
                .body("evidence", equalTo(List.of()))
                .body("version", equalTo(3));
        verify(queries).find(argThat(caller -> caller.agencyCode().equals("TJ-AMR")), eq(id));
    }

    @Test
    void aCaseTheServiceDoesNotFindIsA404Problem() {
        UUID id = UUID.randomUUID();
        when(queries.find(any(), eq(id))).thenReturn(Uni.createFrom().failure(ProblemException.notFound("case", id)));

        as("TJ-IPO")
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("case " + id + " was not found"));
    }

    @Test
    void aBadListLimitIsA400NamingTheFieldBeforeTheServiceIsAsked() {
        as("TJ-AMR")
                .queryParam("limit", "many")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        verifyNoInteractions(queries);
    }

    @Test
    void withoutATokenNothingIsRead() {
        given().get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(401);
        verifyNoInteractions(queries);
    }

    private static CaseDetails details(UUID id) {
        CaseRecord c = new CaseRecord();
        c.id = id;
        c.agencyCode = "TJ-AMR";
        c.caseNumber = "津市监处〔2026〕1号";
        c.category = CaseCategory.TRADEMARK;
        c.region = "120000";
        c.title = "销售假冒注册商标的商品";
        c.state = CaseState.PENALTY_DECIDED;
        c.openedOn = LocalDate.of(2026, 3, 2);
        c.illegalBusinessVolume = new BigDecimal("86000.00");
        c.penaltyDecisionNumber = "津市监罚〔2026〕12号";
        c.penaltyDecisionDate = LocalDate.of(2026, 4, 10);
        c.penaltyFine = new BigDecimal("258000.00");
        c.createdAt = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
        c.updatedAt = c.createdAt;
        c.version = 3;
        Party party = new Party(PartyKind.PERSON, "张某", "经营者", "1234", List.of("k1:hash"));
        return new CaseDetails(c, List.of(party), List.of());
    }
}
