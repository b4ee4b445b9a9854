package org.xianjie.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.events.Topics;
import org.xianjie.localinfra.Chromium;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * Shared items in the console, in a real headless Chromium: a clue arriving live for the Qingdao
 * police, its acceptance reaching the Tianjin customs that sent it, and a bulletin acknowledged by
 * an addressee. Only notification-service runs here, so the item pane shows what the notification
 * carries; the item's own accept/read buttons call referral-service through the gateway.
 */
@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class SharingConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    private static String clue(UUID id, String actor) {
        return """
                {"itemId": "%s", "kind": "CLUE", "act": "CREATED", "title": "出口假冒运动鞋线索 %s", "region": "120000",
                 "sender": "TJ-CUSTOMS", "addressees": ["QD-PSB"], "actor": "%s", "state": "SENT",
                 "text": "查获一批涉嫌侵犯注册商标专用权的货物，收货人在青岛",
                 "deadline": {"code": "CLUE_REPLY", "description": "线索答复 clue reply", "responsibleAgency": "QD-PSB",
                              "dueAt": "2026-03-09T15:59:59.999999Z", "overdue": false}}""".formatted(id, id.toString().substring(0, 6), actor);
    }

    private static void publish(UUID key, String type, String data) {
        Fixtures.publish(
                Topics.REFERRAL_EVENTS,
                key.toString(),
                Fixtures.REFERRAL_SOURCE,
                UUID.randomUUID().toString(),
                type,
                data);
    }

    private void signIn(Chromium browser, String agency) throws Exception {
        browser.navigate(base.toString());
        browser.eval("sessionStorage.clear(); document.getElementById('token').value = '"
                + TestInfra.get().token(agency) + "'; document.getElementById('signin').click(); true");
        browser.waitFor("document.getElementById('status').classList.contains('on')", Boolean.TRUE::equals, WAIT);
    }

    @Test
    void aClueArrivesForThePoliceItsAcceptanceReachesTheSenderAndABulletinIsAcknowledged() throws Exception {
        assumeTrue(Files.isExecutable(Chromium.BINARY), "needs /usr/bin/chromium (CI installs it with apt-get)");
        UUID clue = UUID.randomUUID();
        String tag = clue.toString().substring(0, 6);
        String item = "Array.from(document.querySelectorAll('#items li.item')).filter(li => li.textContent.includes('"
                + tag + "'))";
        try (Chromium browser = new Chromium()) {
            signIn(browser, "QD-PSB");
            publish(clue, SharingEventTypes.CLUE_SENT, clue(clue, "TJ-CUSTOMS"));
            browser.waitFor(item + ".length", v -> ((Number) v).intValue() == 1, WAIT);
            assertThat(browser.eval(item + "[0].textContent")).asString().contains("线索通报", "收到线索通报，请按期答复", "待办");
            browser.eval(item + "[0].click(); true");
            browser.waitFor(
                    "document.querySelector('#timeline h2') && document.querySelector('#timeline h2').textContent",
                    v -> v instanceof String s && s.contains("线索通报") && s.contains(tag),
                    WAIT);
            assertThat(browser.eval("document.getElementById('timeline').textContent"))
                    .asString()
                    .contains("TJ-CUSTOMS", "收货人在青岛");
            browser.screenshot(Path.of("target", "console-clue-received.png"));
        }
        try (Chromium browser = new Chromium()) {
            signIn(browser, "TJ-CUSTOMS");
            publish(
                    clue,
                    SharingEventTypes.CLUE_ACCEPTED,
                    clue(clue, "QD-PSB")
                            .replace("\"act\": \"CREATED\"", "\"act\": \"ACCEPT\"")
                            .replace("\"state\": \"SENT\"", "\"state\": \"ACCEPTED\""));
            browser.waitFor(item + ".length", v -> ((Number) v).intValue() == 1, WAIT);
            assertThat(browser.eval(item + "[0].textContent")).asString().contains("线索已接收");
            browser.screenshot(Path.of("target", "console-clue-accepted.png"));
        }
        UUID bulletin = UUID.randomUUID();
        String btag = bulletin.toString().substring(0, 6);
        String bitem = "Array.from(document.querySelectorAll('#items li.item')).filter(li => li.textContent.includes('"
                + btag + "'))";
        try (Chromium browser = new Chromium()) {
            signIn(browser, "TJ-PSB");
            publish(bulletin, SharingEventTypes.BULLETIN_ISSUED, """
                    {"itemId": "%s", "kind": "BULLETIN", "act": "CREATED", "title": "滨海新区特大假冒注册商标案 %s",
                     "sender": "BH-AMR", "addressees": ["BH-PSB", "BH-PROC", "TJ-PSB", "TJ-PROC"], "actor": "BH-AMR",
                     "state": "ISSUED"}""".formatted(bulletin, btag));
            browser.waitFor(bitem + ".length", v -> ((Number) v).intValue() == 1, WAIT);
            assertThat(browser.eval(bitem + "[0].textContent")).asString().contains("重大案件通报");
            browser.eval(bitem + "[0].querySelector('button.ack').click(); true");
            browser.waitFor(bitem + "[0].classList.contains('read')", Boolean.TRUE::equals, WAIT);
            browser.eval("document.getElementById('lang').click(); true");
            browser.waitFor(
                    bitem + "[0].textContent", v -> v instanceof String s && s.contains("Major-case bulletin"), WAIT);
            browser.screenshot(Path.of("target", "console-bulletin-read.png"));
        }
        assertThat(Path.of("target", "console-clue-received.png")).exists();
        assertThat(Path.of("target", "console-clue-accepted.png")).exists();
        assertThat(Path.of("target", "console-bulletin-read.png")).exists();
    }
}
