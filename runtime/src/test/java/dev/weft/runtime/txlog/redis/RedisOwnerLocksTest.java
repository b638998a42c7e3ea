package dev.weft.runtime.txlog.redis;

import static dev.weft.runtime.txlog.redis.TestLogs.CREDIT;
import static dev.weft.runtime.txlog.redis.TestLogs.DEBIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.OwnerLocks;
import dev.weft.runtime.txlog.Phase;
import dev.weft.testkit.Conditions;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The owner locks of phase two that the Redis log keeps beside each transaction: taken by the decision, freed by the
 * round's last write, in the same scripts. Each exclusion is checked against a control in which the same step is
 * allowed.
 */
class RedisOwnerLocksTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    private static final Duration LEASE = TestLogs.GENEROUS;

    static RedisTransactionLog log;

    @BeforeAll
    static void openLog() {
        log = TestLogs.open(REDIS.uri());
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @Test
    void theDecisionTakesTheLockAndTheRoundsLastWriteFreesIt() {
        String xid = twoBranches();

        OwnerLocks.Decided decided = log.decide(xid, true, List.of(1), "root", LEASE);
        assertTrue(decided.locked());
        assertEquals(Optional.of(Phase.COMMITTING), decided.transaction().map(LoggedTransaction::phase));
        assertFalse(log.tryLock(xid, "recovery", LEASE), "another round is excluded while the root works");

        assertTrue(log.finishRound(xid, List.of(0, 1), "root"));
        assertEquals(Optional.empty(), log.load(xid));
        assertTrue(log.tryLock(xid, "recovery", LEASE), "control: free once the round has ended");
    }

    @Test
    void aWriteOfTheRoundThatIsNotItsLastKeepsTheLock() {
        String xid = twoBranches();
        log.decide(xid, true, List.of(1), "root", LEASE);

        assertFalse(log.finishRound(xid, List.of(0)));
        assertFalse(log.tryLock(xid, "recovery", LEASE));

        assertTrue(log.finishRound(xid, List.of(1), "root"));
        assertTrue(log.tryLock(xid, "recovery", LEASE), "control");
    }

    @Test
    void aDecisionFindingTheLockBusyStillDecidesAndLeavesTheLockToItsHolder() {
        String xid = twoBranches();
        assertTrue(log.tryLock(xid, "recovery", LEASE));

        OwnerLocks.Decided decided = log.decide(xid, true, List.of(1), "root", LEASE);
        assertFalse(decided.locked());
        assertEquals(Optional.of(Phase.COMMITTING), decided.transaction().map(LoggedTransaction::phase));
        log.finishRound(xid, List.of(), "root");
        log.release(xid, "root");
        assertFalse(log.tryLock(xid, "other", LEASE), "only its holder frees it");

        log.release(xid, "recovery");
        assertTrue(log.tryLock(xid, "other", LEASE), "control");
    }

    @Test
    void aDecisionAskedAgainAfterALostAnswerFindsTheLockItsOwn() {
        String xid = twoBranches();
        assertTrue(log.decide(xid, true, List.of(1), "root", LEASE).locked());

        OwnerLocks.Decided again = log.decide(xid, false, List.of(), "root", LEASE);
        assertTrue(again.locked());
        assertEquals(Optional.of(Phase.COMMITTING), again.transaction().map(LoggedTransaction::phase), "decided once");
    }

    @Test
    void aDecisionOfATransactionNotInTheLogTakesNoLock() {
        String xid = TestLogs.xid();

        assertEquals(new OwnerLocks.Decided(Optional.empty(), false), log.decide(xid, true, List.of(), "root", LEASE));
        assertTrue(log.tryLock(xid, "recovery", LEASE));
    }

    @Test
    void theDecisionOfTheSpiTakesNoLock() {
        String xid = twoBranches();
        log.decide(xid, false, List.of());

        assertTrue(log.tryLock(xid, "recovery", LEASE));
    }

    /**
     * A holder that dies (it never frees nor renews) blocks the others until its lease runs out, and no longer: then
     * another takes the lock, and the dead holder's late renewal or release does not touch the new holder's.
     */
    @Test
    void theLockOfAHolderThatDiedRunsOutWithItsLease() {
        String xid = twoBranches();
        assertTrue(log.decide(xid, true, List.of(1), "dead", Duration.ofMillis(300)).locked());
        assertFalse(log.tryLock(xid, "recovery", LEASE), "held until the lease runs out");

        Conditions.await("the dead holder's lease ran out", Duration.ofSeconds(10),
                () -> log.tryLock(xid, "recovery", LEASE), () -> "still held");

        assertFalse(log.renew(xid, "dead", LEASE), "a renewal after the lease does not take it back");
        log.finishRound(xid, List.of(0, 1), "dead");
        assertFalse(log.tryLock(xid, "other", LEASE), "a late release leaves the new holder's lock");
        assertTrue(log.renew(xid, "recovery", LEASE), "control: the holder renews");
    }

    private static String twoBranches() {
        String xid = TestLogs.begin(log);
        log.register(xid, DEBIT, "[]", Carried.NONE);
        log.register(xid, CREDIT, "[]", Carried.NONE);
        return xid;
    }
}
