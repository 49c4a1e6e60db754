package io.recio.web.internal;

import io.recio.accounts.Role;
import java.util.Arrays;
import java.util.List;

/**
 * Every page of the console in navigation order, each with the role it needs: the one place a page is declared.
 * The layout builds the top navigation and the phone's tab bar from it, and the security configuration refuses a
 * page to a user whose role is below it. {@code Role.USER} means every signed-in user.
 */
enum ConsolePage {
    MONITOR("/", "Monitor", Role.USER),
    HISTORY("/history", "History", Role.USER),
    ACCOUNT("/account", "Account", Role.USER),
    SETTINGS("/settings", "Settings", Role.USER),
    SYSTEM("/system", "System", Role.USER),
    CREDENTIALS("/credentials", "Credentials", Role.MASTER_ADMIN);

    private final String path;
    private final String label;
    private final Role role;

    ConsolePage(String path, String label, Role role) {
        this.path = path;
        this.label = label;
        this.role = role;
    }

    String path() {
        return path;
    }

    String label() {
        return label;
    }

    Role role() {
        return role;
    }

    /** The icon's id in {@code /img/icons.svg}. */
    String icon() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean visibleTo(boolean admin) {
        return role == Role.USER || admin;
    }

    /** Whether {@code requestPath} is this page or one under it ({@code /history/12} is History). */
    boolean owns(String requestPath) {
        return path.equals("/") ? requestPath.equals("/") : requestPath.equals(path) || requestPath.startsWith(path + "/");
    }

    /** The pages only a master admin may open. */
    static List<ConsolePage> adminOnly() {
        return Arrays.stream(values()).filter(p -> p.role == Role.MASTER_ADMIN).toList();
    }
}
