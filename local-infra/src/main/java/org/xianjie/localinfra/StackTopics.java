package org.xianjie.localinfra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.xianjie.events.Topics;

/**
 * Creates the suite's topics before any service subscribes: a consumer that subscribes to a topic
 * the broker does not know yet waits for a metadata refresh before it gets partitions, which
 * delays the first events by many seconds.
 */
public final class StackTopics {

    private static final int PARTITIONS = 3;

    private StackTopics() {}

    public static List<String> names() {
        List<String> names =
                new ArrayList<>(List.of(Topics.CASE_EVENTS, Topics.REFERRAL_EVENTS, Topics.INTEGRITY_CHECKPOINTS));
        for (Services service : Services.all()) {
            names.add(Topics.deadLetter(service.module()));
        }
        return names;
    }

    /** Creates every topic of {@link #names()} that does not exist yet. */
    public static void ensure(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String name : names()) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not create the topics in time", e);
        }
    }
}
