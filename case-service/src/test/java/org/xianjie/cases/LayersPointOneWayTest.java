package org.xianjie.cases;

import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.LayerRules;

/** A plain JUnit test (no Quarkus boot): the service's packages depend on each other one way only. */
class LayersPointOneWayTest {

    @Test
    void layersPointOneWayAndTheDomainUsesNoFramework() {
        LayerRules.check("org.xianjie.cases");
    }
}
