package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.model.LoginEvent;
import dev.ward.model.LoginEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger keeps counters an address, not events: what it keeps stays the same size however long the log. */
class LoginLedgerTest {
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    static LoginEvent event(Kind kind, String user, String source, long seconds) {
        return new LoginEvent(T0.plusSeconds(seconds), "web1", "sshd", kind, user, source, "password", "/var/log/auth.log", 1);
    }

    @Test
    void aMillionGuessesFromOneAddressAreCounters() {
        LoginLedger ledger = new LoginLedger(LoginLedger.MAX_RETRY, LoginLedger.FIND_TIME);
        for (int i = 0; i < 1_000_000; i++) {
            ledger.add(event(Kind.FAILURE, "user" + (i % 200), "203.0.113.45", i));
        }
        ledger.add(event(Kind.SUCCESS, "user7", "203.0.113.45", 1_000_001));
        LoginLedger.Source s = ledger.sources().get("203.0.113.45");
        assertEquals(1_000_000, s.failures());
        assertTrue(s.burst());
        assertEquals(LoginLedger.USERS_KEPT, s.users().size());
        assertEquals(150, s.usersLeftOut());
        assertEquals(1_000_000, ledger.successes().getFirst().failuresBefore());
        assertEquals(Map.of("203.0.113.45", 1_000_000L), ledger.failuresBySource());
        assertEquals(T0.plusSeconds(1_000_001), ledger.last());
    }

    @Test
    void slowGuessesAreNoBurst() {
        LoginLedger ledger = new LoginLedger(LoginLedger.MAX_RETRY, Duration.ofMinutes(10));
        for (int i = 0; i < 100; i++) {
            ledger.add(event(Kind.FAILURE, "root", "198.51.100.3", i * 200L)); // one every 200 s: 3 in any 10 minutes
        }
        ledger.add(event(Kind.INVALID_USER, "oracle", "198.51.100.3", 30_000));
        assertFalse(ledger.sources().get("198.51.100.3").burst());
        assertEquals(Map.of("198.51.100.3", 1L), ledger.invalidUsersBySource());
    }
}
