package io.recio.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.accounts.AuditEntry;
import io.recio.accounts.AuditLog;
import io.recio.ops.AlertRaised;
import io.recio.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

/** Sign-in throttling per account and per address, without Spring: a clock, a request and what it says. */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final List<Object> events = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(String actor, String action, String target, AuditEntry.Outcome outcome, String detail,
                           String source) {
            audited.add(action + " " + target + " " + outcome);
        }

        @Override
        public List<AuditEntry> search(Filter filter) {
            return List.of();
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(clock, events::add, audit);

    private static MockHttpServletRequest login(String username, String address) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/login");
        r.setServletPath("/login");
        r.setParameter("username", username);
        r.setRemoteAddr(address);
        return r;
    }

    /** A wrong password: where the throttle sends the browser. */
    private String fail(String username, String address) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.onAuthenticationFailure(login(username, address), response, new BadCredentialsException("bad"));
        return response.getRedirectedUrl();
    }

    /** Whether a sign-in attempt gets through to the password check (null redirect) or is locked out. */
    private String attempt(String username, String address) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(login(username, address), response, new MockFilterChain());
        return response.getRedirectedUrl();
    }

    @Test
    void fiveTyposAreFreeAndTheSixthLocksThatAccountForTwoSeconds() throws Exception {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE; i++) {
            assertThat(fail("alice", "10.0.0.1")).isEqualTo("/login?error");
        }
        assertThat(fail("alice", "10.0.0.1")).isEqualTo("/login?locked=2");
        assertThat(attempt("alice", "10.0.0.1")).isEqualTo("/login?locked=2");
    }

    @Test
    void oneUsersTyposOnASharedAddressDoNotLockTheOthersThere() throws Exception {
        for (int i = 0; i <= LoginThrottle.ACCOUNT_FREE; i++) {
            fail("alice", "10.0.0.1");
        }
        assertThat(attempt("alice", "10.0.0.1")).startsWith("/login?locked=");
        assertThat(attempt("bob", "10.0.0.1")).isNull();
    }

    @Test
    void aLockedAccountIsLockedFromEveryAddress() throws Exception {
        for (int i = 0; i <= LoginThrottle.ACCOUNT_FREE; i++) {
            fail("alice", "10.0.0." + i);
        }
        assertThat(attempt("alice", "10.9.9.9")).startsWith("/login?locked=");
    }

    @Test
    void theLockExpiresByItselfAndTheNextFailureDoublesIt() throws Exception {
        for (int i = 0; i <= LoginThrottle.ACCOUNT_FREE; i++) {
            fail("alice", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(2));
        assertThat(attempt("alice", "10.0.0.1")).isNull();
        assertThat(fail("alice", "10.0.0.1")).isEqualTo("/login?locked=4");
    }

    @Test
    void sprayingManyAccountsFromOneAddressLocksTheAddress() throws Exception {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE; i++) {
            fail("user" + i, "10.6.6.6");
        }
        assertThat(fail("user-next", "10.6.6.6")).startsWith("/login?locked=");
        assertThat(attempt("anyone", "10.6.6.6")).startsWith("/login?locked=");
        assertThat(attempt("anyone", "10.0.0.2")).isNull();
    }

    @Test
    void aLockoutRaisesAnAlertAndEveryFailureIsAudited() throws Exception {
        for (int i = 0; i <= LoginThrottle.ACCOUNT_FREE; i++) {
            fail("alice", "10.0.0.1");
        }
        assertThat(events).singleElement().isInstanceOfSatisfying(AlertRaised.class, a -> {
            assertThat(a.kind()).isEqualTo("LOGIN_LOCKOUT");
            assertThat(a.subject()).isEqualTo("alice");
            assertThat(a.message()).contains("account 'alice'").contains("10.0.0.1");
        });
        assertThat(audited).filteredOn(s -> s.startsWith("login alice REFUSED")).hasSize(LoginThrottle.ACCOUNT_FREE + 1);
        assertThat(audited).anyMatch(s -> s.startsWith("login.lockout account 'alice'"));
    }

    @Test
    void theSignInPageSaysHowLongTheLockLasts() {
        assertThat(PagesController.lockedFor("45")).isEqualTo("45 more seconds");
        assertThat(PagesController.lockedFor("600")).isEqualTo("10 more minutes");
        assertThat(PagesController.lockedFor("soon")).isEqualTo("a little while");
    }
}
