package org.xianjie.referral.domain.access;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.xianjie.platform.identity.Regions;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralState;
import org.xianjie.referral.domain.process.ReferralStep;

/**
 * Who may see and act on a referral, decided here and nowhere else in referral-service. Pure: the
 * service feeds it the stored facts and turns a "no" into a 404, so a non-party never learns that
 * a referral (or its id, or its state) exists.
 *
 * <ul>
 *   <li>The agency that reports, the procuratorate named on the referral and the court it went to
 *       are parties from the moment they are named.</li>
 *   <li>A procuratorate supervises its region and every region beneath it (GB/T 2260 levels,
 *       检察一体化: the upper procuratorate leads the lower ones and may handle their matters). It
 *       reads every referral there (立案监督) and may take the procuratorate's steps on them, as
 *       the named procuratorate may; it may open a reverse referral and review penalty decisions
 *       and leads there. A district procuratorate never reaches its parent's or a sibling's
 *       region. The police, agencies and courts stay with the parties rule.</li>
 *   <li>The police become a party when the referral is sent (Decree 310 art. 5: the agency sends
 *       to them); before that only when the agency asks for early intervention or consultation.
 *       A referral refused by the head never reaches them.</li>
 *   <li>An agency reports only its own cases; a procuratorate opens a reverse referral only for a
 *       case of a region it supervises, or one whose referral it is already party to.</li>
 * </ul>
 */
public final class ReferralAccess {

    /** States in which the referral has not (yet) gone to the police. */
    public static final Set<ReferralState> BEFORE_SENDING =
            Set.copyOf(EnumSet.of(ReferralState.REPORTED, ReferralState.APPROVED, ReferralState.REFUSED));

    private ReferralAccess() {}

    /** The calling agency as the directory knows it. */
    public record Viewer(String agency, PartyType type, String region) {}

    /** The facts of a stored referral that decide who is party to it. */
    public record Referral(
            String region,
            String agency,
            String police,
            String procuratorate,
            String court,
            String forwardedFrom,
            ReferralState state,
            boolean policeInvited) {}

    /** A case as referral-service learned it from case events: who owns it, and where. */
    public record KnownCase(String agency, String region) {}

    /** Whether the police named on the referral are a party now. */
    public static boolean policeIsParty(Referral r) {
        return r.police() != null && (r.policeInvited() || !BEFORE_SENDING.contains(r.state()));
    }

    /** The agency of {@code type} that is party now, or null (e.g. the police before sending). */
    public static String partyOf(Referral r, PartyType type) {
        return switch (type) {
            case ADMINISTRATIVE -> r.agency();
            case POLICE -> policeIsParty(r) ? r.police() : null;
            case PROCURATORATE -> r.procuratorate();
            case COURT -> r.court();
        };
    }

    /** Every agency party to the referral now (the police that forwarded it keep reading it). */
    public static Set<String> parties(Referral r) {
        Set<String> all = new LinkedHashSet<>();
        for (PartyType type : PartyType.values()) {
            String code = partyOf(r, type);
            if (code != null) {
                all.add(code);
            }
        }
        if (r.forwardedFrom() != null) {
            all.add(r.forwardedFrom());
        }
        return all;
    }

    /**
     * Whether {@code v} is a procuratorate whose region is {@code region} or lies above it. The
     * one hierarchy rule of this service: referrals, leads and penalty decisions all ask it.
     */
    public static boolean supervises(Viewer v, String region) {
        return v.type() == PartyType.PROCURATORATE && Regions.isWithin(v.region(), region);
    }

    /**
     * The prefix of every region {@code v} supervises, for queries ({@code region like 'prefix%'});
     * null for anyone but a procuratorate.
     */
    public static String supervisedRegionPrefix(Viewer v) {
        return v.type() == PartyType.PROCURATORATE && Regions.isCode(v.region()) ? Regions.prefix(v.region()) : null;
    }

    /** Reads are for parties and for the procuratorates supervising the referral's region. */
    public static boolean canRead(Viewer v, Referral r) {
        return parties(r).contains(v.agency()) || supervises(v, r.region());
    }

    /**
     * The agency of the step's party type that is party now may take it; a procuratorate's step
     * may also be taken by a procuratorate supervising the referral's region (检察一体化).
     */
    public static boolean canAct(Viewer v, Referral r) {
        return v.agency().equals(partyOf(r, v.type())) || r.procuratorate() != null && supervises(v, r.region());
    }

    /** Who sees and decides a supervision lead: the procuratorate it was raised for, or one above it. */
    public static boolean canHandleLead(Viewer v, String leadProcuratorate, String leadRegion) {
        return v.type() == PartyType.PROCURATORATE && v.agency().equals(leadProcuratorate) || supervises(v, leadRegion);
    }

    /** Who sees and reviews a case's penalty decision (行政处罚决定审查): the procuratorates above it. */
    public static boolean canReviewPenaltyDecision(Viewer v, String caseRegion) {
        return supervises(v, caseRegion);
    }

    /**
     * Whether {@code v} may open a referral of {@code start} on a case. {@code known} is null when
     * case-service has not announced the case; {@code namedAgencyRegion} is the region of the agency a
     * reverse referral names; {@code partyToCase} whether {@code v} is party to a referral of the case.
     */
    public static boolean mayStart(
            Viewer v, ReferralStep start, KnownCase known, String namedAgencyRegion, boolean partyToCase) {
        if (start == ReferralStep.REPORT) {
            return v.type() == PartyType.ADMINISTRATIVE
                    && (known == null || known.agency().equals(v.agency()));
        }
        if (v.type() != PartyType.PROCURATORATE) {
            return false;
        }
        if (partyToCase) {
            return true;
        }
        String caseRegion = known != null ? known.region() : namedAgencyRegion;
        return supervises(v, caseRegion);
    }

    /**
     * Who records the suspects (犯罪嫌疑人) of a referral: the agency that refers the case (it names
     * the parties it investigated) and the police handling it (they identify suspects when filing);
     * not after the referral has ended. Reading them is {@link #canRead}; deciding for them rides on
     * the step that decides, so it is {@link #canAct}.
     */
    public static boolean canRecordSuspects(Viewer v, Referral r) {
        return (v.type() == PartyType.ADMINISTRATIVE || v.type() == PartyType.POLICE)
                && v.agency().equals(partyOf(r, v.type()))
                && !r.state().isTerminal();
    }

    /**
     * Whose row of the year's figures {@code v} reads: a procuratorate every agency of its region and
     * the regions beneath it (it publishes the white paper for them); any other agency its own row.
     */
    public static boolean mayReadFiguresOf(Viewer v, String agency, String agencyRegion) {
        return v.agency().equals(agency) || supervises(v, agencyRegion);
    }

    /** Whether a conflict with {@code existing} may name it: only to those who may read it. */
    public static boolean mayLearnOf(Viewer v, Referral existing) {
        return canRead(v, existing);
    }

    /** Whether the step brings the police in before sending (提前介入, 咨询 to the police or unaddressed). */
    public static boolean invitesPolice(ReferralStep step, String targetAgency, String police) {
        return step == ReferralStep.REQUEST_EARLY_INTERVENTION
                || step == ReferralStep.REQUEST_CONSULTATION && (targetAgency == null || targetAgency.equals(police));
    }
}
