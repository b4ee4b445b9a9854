package org.xianjie.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void levelsOfBothShapes() {
        assertEquals(Regions.Level.PROVINCE, Regions.level("120000")); // Tianjin municipality
        assertEquals(Regions.Level.PREFECTURE, Regions.level("120100")); // Tianjin municipal districts
        assertEquals(Regions.Level.COUNTY, Regions.level("120116")); // Binhai
        assertEquals(Regions.Level.PROVINCE, Regions.level("370000")); // Shandong
        assertEquals(Regions.Level.PREFECTURE, Regions.level("370200")); // Qingdao
        assertEquals(Regions.Level.COUNTY, Regions.level("370211")); // Huangdao
        assertEquals(Regions.Level.COUNTY, Regions.level("370281")); // Jiaozhou
    }

    @Test
    void municipalityContainsItsDistrictsButNotTheOtherWayRound() {
        assertTrue(Regions.isWithin("120000", "120000"));
        assertTrue(Regions.isWithin("120000", "120116"));
        assertTrue(Regions.isWithin("120000", "120101"));
        assertTrue(Regions.isWithin("120100", "120116"));
        assertFalse(Regions.isWithin("120116", "120000"));
        assertFalse(Regions.isWithin("120116", "120101"), "siblings");
        assertTrue(Regions.isWithin("120116", "120116"));
    }

    @Test
    void provinceContainsPrefectureAndCounty() {
        assertTrue(Regions.isWithin("370000", "370200"));
        assertTrue(Regions.isWithin("370000", "370211"));
        assertTrue(Regions.isWithin("370200", "370211"));
        assertTrue(Regions.isWithin("370200", "370281"));
        assertFalse(Regions.isWithin("370200", "370000"), "a city is not above its province");
        assertFalse(Regions.isWithin("370211", "370200"));
        assertFalse(Regions.isWithin("370211", "370281"), "siblings");
        assertFalse(Regions.isWithin("370200", "370300"), "another prefecture (Zibo)");
    }

    @Test
    void provincesNeverContainEachOther() {
        assertFalse(Regions.isWithin("120000", "370211"));
        assertFalse(Regions.isWithin("370000", "120116"));
        assertFalse(Regions.isWithin("370200", "120000"));
    }

    @Test
    void malformedCodesContainNothingAndHaveNoLevel() {
        assertFalse(Regions.isWithin("12", "120116"));
        assertFalse(Regions.isWithin("", "120116"));
        assertFalse(Regions.isWithin(null, "120116"));
        assertFalse(Regions.isWithin("120000", "12011%"));
        assertThrows(IllegalArgumentException.class, () -> Regions.level("12000"));
        assertEquals("12", Regions.prefix("120000"));
        assertEquals("3702", Regions.prefix("370200"));
        assertEquals("370211", Regions.prefix("370211"));
    }
}
