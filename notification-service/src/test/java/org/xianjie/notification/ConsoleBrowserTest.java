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
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.Chromium;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/** The web console in a real headless Chromium: sign in, live arrival without reload, acknowledge, timeline. */
@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class ConsoleBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void officerSignsInSeesANotificationArriveLiveAcknowledgesItAndSeesTheOverdueDeadline() throws Exception {
        assumeTrue(Files.isExecutable(Chromium.BINARY), "needs /usr/bin/chromium (CI installs it with apt-get)");
        String token = TestInfra.get().token("TJ-PSB");
        try (Chromium browser = new Chromium()) {
            browser.navigate(base.toString());
            assertThat(browser.eval("document.title")).asString().contains("衔接");
            browser.eval("document.getElementById('token').value = '" + token + "';"
                    + "document.getElementById('signin').click(); window.__noReload = true; true");
            browser.waitFor(
                    "document.getElementById('status').classList.contains('on')",
                    Boolean.TRUE::equals,
                    Duration.ofSeconds(15));

            Fixtures.Referral r = Fixtures.Referral.create();
            r.step("SEND", "SENT", "TJ-AMR", 3);
            r.breach("FILING_DECISION", "TJ-PSB", 4);
            String item = "Array.from(document.querySelectorAll('#items li.item'))"
                    + ".filter(li => li.textContent.includes('" + r.caseNumber() + "'))";
            browser.waitFor(item + ".length", v -> ((Number) v).intValue() == 2, Duration.ofSeconds(15));
            assertThat(browser.eval("window.__noReload === true"))
                    .as("arrived without reloading")
                    .isEqualTo(true);
            assertThat(browser.eval(item + ".filter(li => li.classList.contains('urgent')).length"))
                    .as("the breach stands out")
                    .isEqualTo(1);

            browser.eval(
                    item + ".find(li => li.textContent.includes('收到移送案件')).querySelector('button.ack').click(); true");
            browser.waitFor(
                    item + ".find(li => li.textContent.includes('收到移送案件')).classList.contains('read')",
                    Boolean.TRUE::equals,
                    Duration.ofSeconds(10));
            assertThat(browser.eval(item + ".find(li => li.textContent.includes('收到移送案件')).textContent"))
                    .asString()
                    .contains("officer@TJ-PSB");

            browser.eval(item + ".find(li => li.classList.contains('urgent')).click(); true");
            browser.waitFor(
                    "document.querySelector('#timeline h2') && document.querySelector('#timeline h2').textContent",
                    v -> v instanceof String s && s.contains(r.caseNumber()),
                    Duration.ofSeconds(10));
            assertThat(browser.eval("document.querySelectorAll('#timeline tr.overdue').length"))
                    .isEqualTo(1);
            browser.screenshot(Path.of("target", "console-screenshot.png"));

            browser.eval("document.getElementById('lang').click(); true");
            browser.waitFor(
                    "document.querySelector('header h1').textContent",
                    "Xianjie · Console"::equals,
                    Duration.ofSeconds(5));
            assertThat(browser.eval(item + ".find(li => li.classList.contains('read')).textContent"))
                    .asString()
                    .contains("Referral received");
            browser.screenshot(Path.of("target", "console-screenshot-en.png"));
        }
        assertThat(Path.of("target", "console-screenshot.png")).exists();
    }
}
