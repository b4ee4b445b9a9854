package org.xianjie.referral.domain.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xianjie.events.EventSchemas;
import org.xianjie.events.EventTypes;
import org.xianjie.events.ReferralEventTypes;

/** Every step the process knows is in event-contracts' registry, so its event has a schema. */
class ReferralStepEventTypesTest {

    @Test
    void theContractsListEveryProcessStepAndNoOther() {
        List<String> steps =
                Arrays.stream(ReferralStep.values()).map(Enum::name).sorted().toList();
        assertEquals(
                steps,
                ReferralEventTypes.STEPS.stream().sorted().toList(),
                "ReferralEventTypes.STEPS (event-contracts) must list exactly the ReferralStep values");
    }

    @Test
    void everyStepEventIsRegisteredWithASchema() {
        for (ReferralStep step : ReferralStep.values()) {
            String type = ReferralEventTypes.forStep(step.name());
            assertTrue(EventTypes.all().contains(type), type);
            assertTrue(EventSchemas.hasSchema(type), type);
        }
    }
}
