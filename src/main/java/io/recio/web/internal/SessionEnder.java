package io.recio.web.internal;

import io.recio.accounts.UserAccessChanged;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's sessions the moment their access changes: every browser session is expired (its next request
 * is refused) and every live channel of theirs is closed. The session that changed its own password stays.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionEnder {

    private static final Logger log = LoggerFactory.getLogger(SessionEnder.class);

    private final SessionRegistry sessions;
    private final LiveChannel live;

    SessionEnder(SessionRegistry sessions, LiveChannel live) {
        this.sessions = sessions;
        this.live = live;
    }

    @EventListener
    void on(UserAccessChanged change) {
        String keep = change.keepsCurrentSession() ? currentSessionId() : null;
        int ended = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (!change.username().equals(name(principal))) {
                continue;
            }
            for (SessionInformation s : sessions.getAllSessions(principal, false)) {
                if (!s.getSessionId().equals(keep)) {
                    s.expireNow();
                    ended++;
                }
            }
        }
        int closed = live.closeFor(change.username());
        log.info("'{}': {}; ended {} session(s) and {} live channel(s)", change.username(), change.why(), ended, closed);
    }

    private static String name(Object principal) {
        return principal instanceof UserDetails u ? u.getUsername() : String.valueOf(principal);
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
