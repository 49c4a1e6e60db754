package io.recio.web.internal;

import io.recio.accounts.Permission;
import java.util.Set;

/**
 * Every page of the console in navigation order, each with the permission it needs: the one place a page is
 * declared. The layout builds the top navigation and the phone's tab bar from it (a page shows only to whoever
 * may open it), and {@link AccessRules} refuses a page to anyone without its permission.
 */
enum ConsolePage {
    MONITOR("/", "Monitor", Permission.VIEW, true),
    HISTORY("/history", "History", Permission.VIEW, true),
    BACKTESTS("/backtests", "Backtests", Permission.VIEW, false),
    ACCOUNT("/account", "Account", Permission.VIEW, true),
    SETTINGS("/settings", "Settings", Permission.VIEW, false),
    SYSTEM("/system", "System", Permission.VIEW, false),
    CREDENTIALS("/credentials", "Credentials", Permission.OPERATE, false),
    USERS("/users", "Users", Permission.MANAGE_USERS, false),
    AUDIT("/audit", "Audit", Permission.MANAGE_USERS, false);

    private final String path;
    private final String label;
    private final Permission permission;
    private final boolean tab;

    ConsolePage(String path, String label, Permission permission, boolean tab) {
        this.path = path;
        this.label = label;
        this.permission = permission;
        this.tab = tab;
    }

    String path() {
        return path;
    }

    String label() {
        return label;
    }

    Permission permission() {
        return permission;
    }

    /**
     * Whether the phone's tab bar shows this page itself: the three used most; every other page sits behind its
     * "More" button, since nine tabs at 390 px would be narrower than a 44 px target's label.
     */
    boolean tab() {
        return tab;
    }

    /** The icon's id in {@code /img/icons.svg}. */
    String icon() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean visibleTo(Set<Permission> held) {
        return held.contains(permission);
    }

    /** Whether {@code requestPath} is this page or one under it ({@code /history/12} is History). */
    boolean owns(String requestPath) {
        return path.equals("/") ? requestPath.equals("/") : requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
