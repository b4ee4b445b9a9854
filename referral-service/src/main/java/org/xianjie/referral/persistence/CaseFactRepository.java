package org.xianjie.referral.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CaseFactRepository implements PanacheRepositoryBase<CaseFactRecord, UUID> {}
