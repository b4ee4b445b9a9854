package org.xianjie.referral.domain.sharing;

import java.util.Collection;

/**
 * Who may learn that a shared item exists, decided here and nowhere else: its sender and its
 * addressees (a meeting's participants and task assignees are its addressees). Anyone else gets
 * "not found" and learns nothing, not even that a clue was sent. No supervision reach applies: a
 * clue or a consultation is a message between agencies, not a case the procuratorate supervises.
 */
public final class SharingAccess {

    private SharingAccess() {}

    public static boolean mayRead(String agency, String sender, Collection<String> addressees) {
        return agency != null && (agency.equals(sender) || addressees.contains(agency));
    }

    /** Replies (accept, decline, forward, answer, read receipt) are the addressee's alone. */
    public static boolean mayReply(String agency, Collection<String> addressees) {
        return agency != null && addressees.contains(agency);
    }

    /** The sender's own acts: minutes of a meeting, guidance in an early intervention. */
    public static boolean isSender(String agency, String sender) {
        return agency != null && agency.equals(sender);
    }
}
