package org.xianjie.cases.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of cases are Beijing time (Asia/Shanghai), whatever the server's zone. */
public final class ShanghaiClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ShanghaiClock() {}

    public static LocalDate today() {
        return LocalDate.now(Clock.system(ZONE));
    }
}
