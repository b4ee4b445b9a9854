package org.xianjie.notification.domain;

import java.util.Objects;
import java.util.stream.Stream;

/** The agencies party to a referral, case or lead (codes; null where not known). */
public record Parties(String agency, String police, String procuratorate, String court) {

    public Stream<String> all() {
        return Stream.of(agency, police, procuratorate, court)
                .filter(Objects::nonNull)
                .distinct();
    }
}
