package org.xianjie.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgencyDirectoryTest {

    private final AgencyDirectory directory = new AgencyDirectory(Optional.empty(), new ObjectMapper());

    @Test
    void policeAtTheSameLevelAsBinhaiMarketRegulationIsTheBinhaiBranch() {
        Agency amr = directory.find("BH-AMR").orElseThrow();
        assertEquals("120116", amr.region());
        assertEquals(
                "BH-PSB",
                directory
                        .sameLevel(AgencyType.POLICE, amr.region())
                        .orElseThrow()
                        .code());
        assertEquals(
                "BH-PROC",
                directory
                        .sameLevel(AgencyType.PROCURATORATE, amr.region())
                        .orElseThrow()
                        .code());
    }

    @Test
    void builtInDirectoryCoversTianjinCityAndBinhaiWithEveryPartyType() {
        for (String region : new String[] {"120000", "120116"}) {
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

    @Test
    void qingdaoAndShandongMakeTwoProvincesAndThreeLevels() {
        assertEquals("370000", directory.find("SD-PROC").orElseThrow().region());
        assertEquals(
                AgencyType.ADMINISTRATIVE,
                directory.find("SD-AMR").orElseThrow().type());
        for (String code : new String[] {"QD-AMR", "QD-IPO", "QD-CUSTOMS", "QD-PSB", "QD-PROC", "QD-COURT"}) {
            assertEquals("370200", directory.find(code).orElseThrow().region(), code);
        }
        for (String region : new String[] {"370211", "370281"}) {
            for (AgencyType type : new AgencyType[] {AgencyType.POLICE, AgencyType.PROCURATORATE, AgencyType.COURT}) {
                assertTrue(directory.sameLevel(type, region).isPresent(), type + " in " + region);
            }
        }
        assertEquals(
                "HD-AMR",
                directory
                        .sameLevel(AgencyType.ADMINISTRATIVE, "370211")
                        .orElseThrow()
                        .code());
        assertEquals(
                "QD-PSB",
                directory.sameLevel(AgencyType.POLICE, "370200").orElseThrow().code());
        java.util.Set<Regions.Level> levels = java.util.EnumSet.noneOf(Regions.Level.class);
        java.util.Set<String> provinces = new java.util.HashSet<>();
        directory.all().forEach(a -> {
            levels.add(Regions.level(a.region()));
            provinces.add(a.region().substring(0, 2));
        });
        assertEquals(java.util.EnumSet.allOf(Regions.Level.class), levels);
        assertEquals(java.util.Set.of("12", "37"), provinces);
    }

    @Test
    void sameLevelIsUnambiguous() {
        // 同级 picks "the" police, procuratorate or court of a region: there must be at most one.
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        directory.all().stream()
                .filter(a -> a.type() != AgencyType.ADMINISTRATIVE)
                .forEach(a -> counts.merge(a.type() + "@" + a.region(), 1L, Long::sum));
        counts.forEach((key, n) -> assertEquals(1L, n, key));
        directory.all().forEach(a -> assertTrue(Regions.isCode(a.region()), a.code()));
    }
}
