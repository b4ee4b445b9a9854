package org.xianjie.notification.domain;

/**
 * One line of a routing rule: tell {@code audience} with {@code urgency}; when {@code role} is set
 * only holders of that role in the agency see it (e.g. {@code head} for an approval).
 */
public record Route(Audience audience, Urgency urgency, String role) {

    public static Route to(Audience audience, Urgency urgency) {
        return new Route(audience, urgency, null);
    }

    public static Route toRole(Audience audience, String role, Urgency urgency) {
        return new Route(audience, urgency, role);
    }
}
