package org.xianjie.events;

import java.net.URI;

/**
 * Where the JSON Schema (draft 2020-12) of each event type's {@code data} lives: the CloudEvents
 * {@code dataschema} of an event. The schemas ship in this module under {@code schemas/events/};
 * their {@code $id} is {@link #BASE} followed by the file name. Every referral step event shares
 * one schema ({@link #REFERRAL_STEP}, their data is the same {@link ReferralSnapshot}), and so does
 * every information sharing event ({@link #SHARING_ITEM}, data {@link SharingSnapshot}); every other
 * type has its own, named after the type.
 */
public final class EventSchemas {

    /** The base URI of the schemas' {@code $id}s. */
    public static final String BASE = "https://xianjie.org/schemas/events/";
    /** The class-path folder holding the files named in {@link #BASE}. */
    public static final String RESOURCE_FOLDER = "schemas/events/";
    /** The schema name of every referral step event. */
    public static final String REFERRAL_STEP = "org.xianjie.referral.step.v1";
    /** The schema name of every information sharing event ({@link SharingEventTypes}). */
    public static final String SHARING_ITEM = "org.xianjie.sharing.item.v1";

    private EventSchemas() {}

    /**
     * The schema name of {@code type}: the type itself, {@link #REFERRAL_STEP} for step events or
     * {@link #SHARING_ITEM} for sharing events.
     */
    public static String nameOf(String type) {
        if (ReferralEventTypes.stepOf(type) != null) {
            return REFERRAL_STEP;
        }
        return SharingEventTypes.isSharing(type) ? SHARING_ITEM : type;
    }

    /** The {@code dataschema} of an event of {@code type}. */
    public static URI uriOf(String type) {
        return URI.create(BASE + nameOf(type) + ".json");
    }

    /** The class-path resource of the schema of {@code type}. */
    public static String resourceOf(String type) {
        return RESOURCE_FOLDER + nameOf(type) + ".json";
    }

    /** Whether the schema of {@code type} ships in this module. */
    public static boolean hasSchema(String type) {
        return EventSchemas.class.getClassLoader().getResource(resourceOf(type)) != null;
    }
}
