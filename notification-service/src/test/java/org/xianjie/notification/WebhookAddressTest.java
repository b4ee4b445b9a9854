package org.xianjie.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.notification.Fixtures.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * Webhooks cannot be aimed inside the network: loopback, private, link-local and the suite's own
 * services are refused at registration, and again at delivery for an endpoint whose address
 * became forbidden after it was registered. The tests' receivers on 127.0.0.1 are allowed by the
 * %test allow-list; the suite's own ports there stay refused.
 */
@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class WebhookAddressTest {

    @Inject
    Pool pool;

    private static String admin(String agency) {
        return TestInfra.get().token(agency, "admin");
    }

    private static int portOf(String property) {
        String value =
                ConfigProvider.getConfig().getValue(property, String.class).split(",")[0];
        return value.contains("://")
                ? URI.create(value).getPort()
                : Integer.parseInt(value.substring(value.lastIndexOf(':') + 1));
    }

    @Test
    void registrationRefusesInternalAddressesInEverySpellingAndTheSuitesOwnPorts() {
        int database = portOf("quarkus.datasource.reactive.url");
        int kafka = portOf("kafka.bootstrap.servers");
        int self = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        List<String> refused = List.of(
                "http://localhost:9999/h",
                "http://2130706433/h",
                "http://0177.0.0.1/h",
                "http://0x7f.0.0.1/h",
                "http://127.1/h",
                "http://[::1]:9999/h",
                "http://[::ffff:10.0.0.1]/h",
                "http://[::ffff:7f00:1]:" + database + "/h",
                "http://10.1.2.3/h",
                "http://172.16.0.1/h",
                "http://192.168.1.1/h",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/h",
                "http://0.0.0.0/h",
                "http://[fd00::1]/h",
                "http://[fe80::1]/h",
                "http://224.0.0.1/h",
                "http://127.0.0.1:" + database + "/h",
                "http://127.0.0.1:" + kafka + "/h");
        for (String url : refused) {
            given().auth()
                    .oauth2(admin("TJ-CUSTOMS"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(url))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        if (self > 0) {
            given().auth()
                    .oauth2(admin("TJ-CUSTOMS"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\": \"http://127.0.0.1:%d/h\", \"eventTypes\": [\"*\"]}".formatted(self))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(400);
        }
        given().auth()
                .oauth2(admin("TJ-CUSTOMS"))
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    /** An endpoint stored before the rules (or whose name now resolves elsewhere), as the worker finds it. */
    private UUID storedEndpoint(String agency, String url) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                        insert into webhook_endpoint (id, agency, url, description, event_types, secret, created_at, created_by)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.from(Arrays.asList(
                        id,
                        agency,
                        url,
                        null,
                        new String[] {"*"},
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        OffsetDateTime.now(ZoneOffset.UTC),
                        "test")))
                .await()
                .atMost(Duration.ofSeconds(10));
        return id;
    }

    private static Map<String, Object> settled(String agency, UUID endpoint) {
        return await(
                        () -> given().auth()
                                .oauth2(TestInfra.get().token(agency))
                                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<Map<String, Object>>getList("$"),
                        list -> !list.isEmpty() && ((Number) list.get(0).get("attempts")).intValue() >= 1,
                        Duration.ofSeconds(30))
                .get(0);
    }

    @SuppressWarnings("unchecked")
    private static String firstError(Map<String, Object> delivery) {
        List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("log");
        return (String) log.get(0).get("error");
    }

    @Test
    void deliveryRechecksTheAddressAndTheLogDoesNotTellOpenFromClosedPorts() throws Exception {
        int database = portOf("quarkus.datasource.reactive.url");
        try (ServerSocket open = new ServerSocket(0);
                ServerSocket closing = new ServerSocket(0)) {
            int closedPort = closing.getLocalPort();
            closing.close();
            // An open port that is not HTTP: accepts and hangs up.
            Thread acceptor = new Thread(() -> {
                while (!open.isClosed()) {
                    try (Socket s = open.accept()) {
                        s.getInputStream().read();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            UUID toDatabase = storedEndpoint("TJ-MPA", "http://127.0.0.1:" + database + "/h");
            UUID toPrivate = storedEndpoint("TJ-MPA", "http://10.255.255.1/h");
            UUID toOpen = storedEndpoint("TJ-MPA", "http://127.0.0.1:" + open.getLocalPort() + "/h");
            UUID toClosed = storedEndpoint("TJ-MPA", "http://127.0.0.1:" + closedPort + "/h");
            Fixtures.Referral.create().stepWithParties("DECLINE", "DECLINED", "TJ-PSB", "TJ-MPA", "TJ-PSB", "TJ-PROC");

            assertThat(firstError(settled("TJ-MPA", toDatabase))).isEqualTo("refused by the webhook address policy");
            assertThat(firstError(settled("TJ-MPA", toPrivate))).isEqualTo("refused by the webhook address policy");
            String openError = firstError(settled("TJ-MPA", toOpen));
            String closedError = firstError(settled("TJ-MPA", toClosed));
            assertThat(openError).isEqualTo(closedError).isEqualTo("no HTTP response from the endpoint");
        }
    }
}
