package io.recio.web.internal;

import io.recio.accounts.Permission;
import java.util.Set;

/**
 * Every page of the console in navigation order, each with the permission it needs: the one place a page is
 * declared. The layout builds the top navigation and the phone's tab bar from it (a page shows only to whoever
 * may open it), and {@link AccessRules} refuses a page to anyone without its permission.
 */
enum ConsolePage {
    MONITOR("/", "Monitor", Permission.VIEW),
    HISTORY("/history", "History", Permission.VIEW),
    BACKTESTS("/backtests", "Backtests", Permission.VIEW),
    ACCOUNT("/account", "Account", Permission.VIEW),
    SETTINGS("/settings", "Settings", Permission.VIEW),
    SYSTEM("/system", "System", Permission.VIEW),
    CREDENTIALS("/credentials", "Credentials", Permission.OPERATE),
    USERS("/users", "Users", Permission.MANAGE_USERS),
    AUDIT("/audit", "Audit", Permission.MANAGE_USERS);

    private final String path;
    private final String label;
    private final Permission permission;

    ConsolePage(String path, String label, Permission permission) {
        this.path = path;
        this.label = label;
        this.permission = permission;
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
