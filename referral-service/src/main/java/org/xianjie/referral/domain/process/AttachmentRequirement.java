package org.xianjie.referral.domain.process;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One required document, satisfied by any one of {@code anyOf} (检验报告 or 鉴定意见: both terms
 * are in use for the same requirement).
 *
 * @param label what to tell the user is missing
 * @param anyOf kinds that satisfy it
 */
public record AttachmentRequirement(String label, Set<AttachmentKind> anyOf) {

    public AttachmentRequirement {
        Objects.requireNonNull(label, "label");
        if (anyOf.isEmpty()) {
            throw new IllegalArgumentException(label + ": no kind satisfies it");
        }
        anyOf = Collections.unmodifiableSet(EnumSet.copyOf(anyOf));
    }

    public static AttachmentRequirement of(String label, AttachmentKind first, AttachmentKind... more) {
        return new AttachmentRequirement(label, EnumSet.of(first, more));
    }

    public boolean isMetBy(Set<AttachmentKind> provided) {
        return anyOf.stream().anyMatch(provided::contains);
    }
}
