package org.xianjie.referral.persistence.sharing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<TaskRecord, UUID> {

    public Uni<List<TaskRecord>> forItem(UUID itemId) {
        return list("itemId = ?1 order by dueOn, id", itemId);
    }
}
