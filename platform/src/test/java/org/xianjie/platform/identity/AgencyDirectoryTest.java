package org.xianjie.platform.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgencyDirectoryTest {

    private final AgencyDirectory directory = new AgencyDirectory(Optional.empty(), new ObjectMapper());

    @Test
    void policeAtTheSameLevelAsBinhaiMarketRegulationIsTheBinhaiBranch() {
        Agency amr = directory.find("BH-AMR").orElseThrow();
        assertEquals("120116", amr.region());
        assertEquals("BH-PSB", directory.sameLevel(AgencyType.POLICE, amr.region()).orElseThrow().code());
        assertEquals("BH-PROC", directory.sameLevel(AgencyType.PROCURATORATE, amr.region()).orElseThrow().code());
    }

    @Test
    void builtInDirectoryCoversTianjinCityAndBinhaiWithEveryPartyType() {
        for (String region : new String[]{"120000", "120116"}) {
            for (AgencyType type : AgencyType.values()) {
                assertTrue(directory.sameLevel(type, region).isPresent(), type + " in " + region);
            }
        }
    }

    @Test
    void unknownCodesAndRegionsAreNotFound() {
        assertTrue(directory.find("XX-NOBODY").isEmpty());
        assertTrue(directory.find(null).isEmpty());
        assertFalse(directory.knowsRegion("999999"));
        assertTrue(directory.knowsRegion("120101"));
    }
}
