package org.xianjie.referral.domain.criminal;

import java.util.List;

/** A suspect as the agency or the police record it; {@code identityNumber} is hashed on arrival. */
public record NewSuspect(
        SuspectKind kind, String name, String identityNumber, SuspectRole role, List<String> charges) {}
