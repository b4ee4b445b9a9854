package org.xianjie.notification.domain;

import java.util.Set;

/**
 * Who may read the evidences of delivery (送达证据) of a notification: the parties of the hand-over,
 * that is its addressee (the agency whose inbox holds it, in the role it was addressed to) and the
 * agency whose act it announces (the sender). Anyone else learns nothing, not even that the
 * notification exists. The one place notification-service decides it.
 */
public final class DeliveryEvidenceAccess {

    private DeliveryEvidenceAccess() {}

    /**
     * @param addressee the notification's agency
     * @param role the role it was addressed to, or null for the whole agency
     * @param sender the agency whose act it announces, or null if the event names none
     */
    public static boolean mayRead(
            String callerAgency, Set<String> callerRoles, String addressee, String role, String sender) {
        if (callerAgency == null) {
            return false;
        }
        boolean theAddressee = callerAgency.equals(addressee) && (role == null || callerRoles.contains(role));
        return theAddressee || callerAgency.equals(sender);
    }
}
