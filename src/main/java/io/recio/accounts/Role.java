package io.recio.accounts;

import java.util.Locale;

/** What a user may do, as listed in {@link Permission}: a master admin also runs recio and manages users. */
public enum Role {
    MASTER_ADMIN,
    USER;

    /** The Spring Security authority name of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses {@code MASTER_ADMIN} or {@code USER} (any case); the message says what is allowed. */
    public static Role parse(String value) {
        if (value != null) {
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(value.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be MASTER_ADMIN or USER");
    }

    /** How the console names the role: {@code master admin} or {@code user}. */
    public String label() {
        return name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** Whether a signed-in user (a Spring Security authentication, null when nobody is) is a master admin. */
    public static boolean isMasterAdmin(java.security.Principal principal) {
        return principal instanceof org.springframework.security.core.Authentication a && a.getAuthorities().stream()
                .anyMatch(g -> MASTER_ADMIN.authority().equals(g.getAuthority()));
    }
}
