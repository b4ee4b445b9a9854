package org.xianjie.cases.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.platform.problem.ProblemException;

class CaseCursorTest {

    @Test
    void cursorRoundTripsTimeToTheMicrosecondAndId() {
        CaseCursor cursor = new CaseCursor(OffsetDateTime.parse("2026-03-02T08:15:30.123456Z"), UUID.randomUUID());
        assertThat(CaseCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void foreignCursorIsABadRequestNamingTheParameter() {
        assertThatThrownBy(() -> CaseCursor.decode("bm90IGEgY3Vyc29y"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void listQueryDefaultsAndLimits() {
        CaseListQuery q = CaseListQuery.parse(null, null, null, null, null, "  ", null, null);
        assertThat(q.limit()).isEqualTo(20);
        assertThat(q.text()).isNull();
        assertThatThrownBy(() -> CaseListQuery.parse(null, null, null, "2026-03-02", "2026-03-01", null, null, "101"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("2 fields");
    }
}
