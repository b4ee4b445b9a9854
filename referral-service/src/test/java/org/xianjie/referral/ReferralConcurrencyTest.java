package org.xianjie.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.reason;
import static org.xianjie.referral.Flow.step;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class ReferralConcurrencyTest {

    @RepeatedTest(3)
    void fileAndDeclineAtTheSameMomentCannotBothWin() {
        String id = Flow.received(UUID.randomUUID());
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> file = CompletableFuture.supplyAsync(() -> {
            await(go);
            return step(token("TJ-PSB"), id, "FILE", null).statusCode();
        });
        CompletableFuture<Integer> decline = CompletableFuture.supplyAsync(() -> {
            await(go);
            return step(token("TJ-PSB"), id, "DECLINE", reason("不构成犯罪")).statusCode();
        });
        go.countDown();
        List<Integer> statuses = List.of(file.join(), decline.join());
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        get(token("TJ-PSB"), id).then().body("history", hasSize(5));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
