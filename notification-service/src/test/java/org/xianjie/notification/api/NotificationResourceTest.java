package org.xianjie.notification.api;

import static io.restassured.RestAssured.given;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.notification.persistence.NotificationView;
import org.xianjie.notification.service.InboxService;
import org.xianjie.notification.service.NotificationPage;
import org.xianjie.platform.problem.ProblemException;

/**
 * The inbox resource alone: {@link InboxService} is a mock, so these check only the api layer
 * (authentication, what reaches the service, the JSON of the view, problems as problem+json). The
 * application still starts on the real PostgreSQL and broker of the test resource, because its
 * start needs them (Flyway, the LISTEN of the outbox relay and of the notification signals); it
 * shares that started application with the other tests of this module.
 */
@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class NotificationResourceTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 4, 12, 10, 0, 0, 0, ZoneOffset.UTC);

    @InjectMock
    InboxService inbox;

    private static RequestSpecification as(String agency) {
        return given().auth().oauth2(TestInfra.get().token(agency));
    }

    @Test
    void theInboxPageIsServedWithWhatTheCallerAskedFor() {
        NotificationView urgent = notification(UUID.randomUUID(), 42, null);
        when(inbox.list(any(), eq(true), eq("URGENT"), eq("50"), eq(5)))
                .thenReturn(Uni.createFrom().item(new NotificationPage(List.of(urgent), null, 7)));

        as("TJ-PSB")
                .queryParam("unread", true)
                .queryParam("urgency", "URGENT")
                .queryParam("cursor", "50")
                .queryParam("limit", 5)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("unread", equalTo(7))
                .body("items[0].seq", equalTo(42))
                .body("items[0].title.zh", equalTo("移送超期"))
                .body("items[0].urgency", equalTo("URGENT"))
                .body("items[0]", not(hasKey("read")))
                .body("$", not(hasKey("nextCursor")));
        verify(inbox)
                .list(argThat(caller -> caller.agencyCode().equals("TJ-PSB")), eq(true), eq("URGENT"), eq("50"), eq(5));
    }

    @Test
    void anAcknowledgementShowsWhoReadItAndWhen() {
        UUID id = UUID.randomUUID();
        NotificationView.Receipt receipt = new NotificationView.Receipt("officer@TJ-PSB", CREATED.plusHours(1));
        when(inbox.acknowledge(any(), eq(id))).thenReturn(Uni.createFrom().item(notification(id, 43, receipt)));

        as("TJ-PSB")
                .post("/api/v1/notifications/" + id + "/ack")
                .then()
                .statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("read.by", equalTo("officer@TJ-PSB"))
                .body("read.at", equalTo("2026-04-12T11:00:00Z"));
    }

    @Test
    void aNotificationOfAnotherAgencyIsA404Problem() {
        UUID id = UUID.randomUUID();
        when(inbox.get(any(), eq(id)))
                .thenReturn(Uni.createFrom().failure(ProblemException.notFound("notification", id)));

        as("TJ-AMR")
                .get("/api/v1/notifications/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("notification " + id + " was not found"));
    }

    @Test
    void aMalformedLastEventIdIsA400NamingItBeforeAnythingIsRead() {
        as("TJ-PSB")
                .header("Last-Event-ID", "yesterday")
                .get("/api/v1/notifications/stream")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Last-Event-ID"));
        verifyNoInteractions(inbox);
    }

    @Test
    void withoutATokenNothingIsRead() {
        given().get("/api/v1/notifications").then().statusCode(401);
        verifyNoInteractions(inbox);
    }

    private static NotificationView notification(UUID id, long seq, NotificationView.Receipt read) {
        return new NotificationView(
                id,
                seq,
                "TJ-PSB",
                null,
                "URGENT",
                "org.xianjie.referral.deadline-breached.v1",
                "DEADLINE_BREACHED",
                UUID.randomUUID(),
                UUID.randomUUID(),
                "津市监处〔2026〕1号",
                new NotificationView.Title("移送超期", "Referral overdue"),
                null,
                null,
                CREATED,
                read);
    }
}
