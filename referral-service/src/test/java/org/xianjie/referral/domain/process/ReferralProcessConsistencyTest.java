package org.xianjie.referral.domain.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xianjie.referral.domain.time.TimeLimitCodes;
import org.xianjie.referral.domain.time.TimeLimitTable;

/** Properties of the step table as a whole, so that an edit cannot leave a dead end or a dangling deadline. */
class ReferralProcessConsistencyTest {

    private final ReferralStateMachine machine = new ReferralStateMachine();

    @Test
    void terminalStatesAllowNoStepAndOthersCanMoveOn() {
        for (ReferralState state : ReferralState.values()) {
            boolean movesOn = machine.allowedSteps(state).stream().anyMatch(step -> !step.isSideActivity());
            assertEquals(!state.isTerminal(), movesOn, state.name());
            if (state.isTerminal()) {
                assertTrue(machine.allowedSteps(state).isEmpty(), state.name());
            }
        }
    }

    @Test
    void everyStateIsReachableFromAStartingStep() {
        Set<ReferralState> reached = EnumSet.noneOf(ReferralState.class);
        Deque<ReferralState> queue = new ArrayDeque<>();
        for (ReferralStep start : machine.startingSteps()) {
            queue.add(start.leadsTo().orElseThrow());
        }
        while (!queue.isEmpty()) {
            ReferralState state = queue.poll();
            if (reached.add(state)) {
                machine.allowedSteps(state).forEach(step -> step.leadsTo().ifPresent(queue::add));
            }
        }
        assertEquals(EnumSet.allOf(ReferralState.class), reached);
    }

    @Test
    void everyTerminalStateIsReachableFromEveryNonTerminalState() {
        for (ReferralState from : ReferralState.values()) {
            if (from.isTerminal()) {
                continue;
            }
            Set<ReferralState> reached = EnumSet.noneOf(ReferralState.class);
            Deque<ReferralState> queue = new ArrayDeque<>(Set.of(from));
            while (!queue.isEmpty()) {
                ReferralState state = queue.poll();
                if (reached.add(state)) {
                    machine.allowedSteps(state).forEach(step -> step.leadsTo().ifPresent(queue::add));
                }
            }
            // DECLINED may rest there for good (the agency penalises instead); it still can move on.
            assertTrue(reached.stream().anyMatch(ReferralState::isTerminal), from + " cannot end");
        }
    }

    @Test
    void startingStepsHaveNoSourceStateAndOthersHaveOne() {
        for (ReferralStep step : ReferralStep.values()) {
            assertEquals(step.isStart(), step.allowedFrom().isEmpty(), step.name());
            if (step.isStart()) {
                assertFalse(step.isSideActivity(), step.name());
            }
        }
    }

    @Test
    void everyDeadlineTheProcessOpensIsClosedBySomeStep() {
        Set<String> closable = new HashSet<>();
        for (ReferralStep step : ReferralStep.values()) {
            closable.addAll(step.closes());
        }
        for (ReferralStep step : ReferralStep.values()) {
            for (OpenedDeadline deadline : step.opens()) {
                assertTrue(closable.contains(deadline.limitCode()), step + " opens " + deadline.limitCode());
            }
        }
    }

    @Test
    void everyTimeLimitIsUsedByTheProcessAndFoundInTheShippedTable() {
        TimeLimitTable table = TimeLimitTable.loadDefault();
        Set<String> used = new HashSet<>();
        for (ReferralStep step : ReferralStep.values()) {
            step.opens().forEach(deadline -> used.add(deadline.limitCode()));
            used.addAll(step.closes());
        }
        Set<String> process = new java.util.HashSet<>(TimeLimitCodes.ALL);
        TimeLimitCodes.FOLLOWED_BY_LEADS.forEach(process::remove);
        assertEquals(process, used);
        used.forEach(code -> assertTrue(table.find(code).isPresent(), code));
    }

    @Test
    void reconsiderationAndSupervisionRequestsAreWindowsAndEverythingElseADuty() {
        for (ReferralStep step : ReferralStep.values()) {
            for (OpenedDeadline deadline : step.opens()) {
                boolean window = deadline.limitCode().equals(TimeLimitCodes.RECONSIDERATION_REQUEST)
                        || deadline.limitCode().equals(TimeLimitCodes.SUPERVISION_REQUEST);
                assertEquals(window ? DeadlineKind.WINDOW : DeadlineKind.DUTY, deadline.kind(), step.name());
            }
        }
    }

    @Test
    void onlyFilingReviewExtensionsCountFromTheReceipt() {
        for (ReferralStep step : ReferralStep.values()) {
            boolean extension =
                    step == ReferralStep.EXTEND_FILING_REVIEW || step == ReferralStep.EXTEND_FILING_REVIEW_MAJOR;
            for (OpenedDeadline deadline : step.opens()) {
                assertEquals(extension ? CountFrom.RECEIPT : CountFrom.THIS_STEP, deadline.countFrom(), step.name());
            }
        }
    }

    @Test
    void everyStepThatEndsInADecisionAgainstActionRecordsItsReasons() {
        for (ReferralStep step : Set.of(
                ReferralStep.REFUSE,
                ReferralStep.DECLINE,
                ReferralStep.UPHOLD_DECLINE,
                ReferralStep.EXPLAIN,
                ReferralStep.ACCEPT_REASONS,
                ReferralStep.ORDER_FILING,
                ReferralStep.RETURN_NO_CRIME,
                ReferralStep.DENY_ARREST,
                ReferralStep.DECIDE_NOT_TO_PROSECUTE,
                ReferralStep.CLOSE_NO_PENALTY_DUE)) {
            assertTrue(step.requiresReasons(), step.name());
        }
        assertFalse(ReferralStep.APPROVE.requiresReasons());
    }
}
