package org.xianjie.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.notification.domain.NotificationIds;
import org.xianjie.notification.domain.RoutingTable;
import org.xianjie.notification.domain.Urgency;
import org.xianjie.notification.persistence.NewNotification;
import org.xianjie.notification.persistence.NotificationStore;
import org.xianjie.notification.persistence.NotificationView;
import org.xianjie.platform.identity.Agency;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.AgencyType;

/**
 * 督办: an URGENT notification left unacknowledged for {@code xianjie.escalation.after} is escalated
 * once to the agency head's inbox (role {@code head}) and to the procuratorate of the agency's
 * region. Claiming the escalation is a conditional update in the same transaction as the new
 * notifications, so with several replicas each item escalates once.
 */
@ApplicationScoped
public class EscalationJob {

    public static final String ESCALATED_TYPE = "org.xianjie.notification.escalated.v1";
    public static final String SOURCE = "/xianjie/notification-service";
    private static final Logger LOG = Logger.getLogger(EscalationJob.class);

    private final Pool pool;
    private final NotificationStore store;
    private final AgencyDirectory directory;
    private final ObjectMapper mapper;
    private final Duration after;

    public EscalationJob(
            Pool pool,
            NotificationStore store,
            AgencyDirectory directory,
            ObjectMapper mapper,
            @ConfigProperty(name = "xianjie.escalation.after") Duration after) {
        this.pool = pool;
        this.store = store;
        this.directory = directory;
        this.mapper = mapper;
        this.after = after;
    }

    @Scheduled(every = "${xianjie.escalation.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> escalateOverdue() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(after);
        return store.dueForEscalation(cutoff, 50)
                .chain(ids -> Sequential.map(
                        ids,
                        id -> pool.withTransaction(conn -> store.claimEscalation(conn, id)
                                .chain(claimed -> claimed.isPresent()
                                        ? escalate(conn, claimed.get())
                                        : Uni.createFrom().voidItem()))))
                .replaceWithVoid()
                .onFailure()
                .invoke(f -> LOG.warnf("escalation run failed, next run retries: %s", f.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> escalate(SqlConnection conn, NotificationView original) {
        List<String[]> targets = new ArrayList<>();
        targets.add(new String[] {original.agency(), RoutingTable.HEAD});
        Optional<Agency> agency = directory.find(original.agency());
        agency.filter(a -> a.type() != AgencyType.PROCURATORATE)
                .flatMap(a -> directory.sameLevel(AgencyType.PROCURATORATE, a.region()))
                .ifPresent(proc -> targets.add(new String[] {proc.code(), null}));
        targets.sort(Comparator.comparing((String[] t) -> t[0]));
        ObjectNode detail = original.detail() != null && original.detail().isObject()
                ? ((ObjectNode) original.detail()).deepCopy()
                : mapper.createObjectNode();
        detail.put("escalatedFrom", original.agency());
        detail.put("originalTitleZh", original.title().zh());
        detail.put("originalTitleEn", original.title().en());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String agencyName = agency.map(Agency::name).orElse(original.agency());
        return Sequential.map(
                        targets,
                        t -> store.insert(
                                conn,
                                new NewNotification(
                                        NotificationIds.escalation(original.id(), t[0], t[1]),
                                        t[0],
                                        t[1],
                                        Urgency.URGENT.name(),
                                        ESCALATED_TYPE,
                                        SOURCE,
                                        original.id().toString(),
                                        original.step(),
                                        original.referralId(),
                                        original.caseId(),
                                        original.caseNumber(),
                                        "督办：" + agencyName + " 未处理 — "
                                                + original.title().zh(),
                                        "Escalated: unacknowledged at " + original.agency() + " — "
                                                + original.title().en(),
                                        detail,
                                        original.id(),
                                        now)))
                .replaceWithVoid();
    }
}
