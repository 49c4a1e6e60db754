package io.recio.accounts;

/** What a user may do: a master admin also runs the admin panel (restarts, console, users). */
public enum Role {
    MASTER_ADMIN,
    USER;

    /** The Spring Security authority name of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether a signed-in user (a Spring Security authentication, null when nobody is) is a master admin. */
    public static boolean isMasterAdmin(java.security.Principal principal) {
        return principal instanceof org.springframework.security.core.Authentication a && a.getAuthorities().stream()
                .anyMatch(g -> MASTER_ADMIN.authority().equals(g.getAuthority()));
    }
}
