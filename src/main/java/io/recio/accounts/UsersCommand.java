package io.recio.accounts;

import io.recio.ToolCommand;
import io.recio.ToolOptions;
import io.recio.ToolRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recio users}: manage users on the configured database while recio is stopped (the embedded database
 * admits one process). Every change is audited with the actor {@code cli}.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Add, list, disable, enable users and reset passwords (run while recio is stopped).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.ResetPassword.class})
public final class UsersCommand implements Callable<Integer>, ToolCommand {

    static final String ACTOR = "cli";
    static final String SOURCE = "command line";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** Runs {@code work} on the database and prints its answer; a refusal is one line and exit code 1. */
    static int run(ToolOptions tool, CommandSpec spec, Function<ConfigurableApplicationContext, String> work) {
        return ToolRun.of(spec, IllegalArgumentException.class, IllegalStateException.class).inContext(tool,
                (context, out) -> {
                    out.println(work.apply(context));
                    return 0;
                });
    }

    /** The password piped on standard input (first line), for scripts: never an argument, which {@code ps} shows. */
    static String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("--password-stdin given but standard input is empty");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("could not read the password from standard input: " + e.getMessage());
        }
    }

    static void audit(ConfigurableApplicationContext context, String action, String target, String detail) {
        context.getBean(AuditLog.class).record(ACTOR, action, target, AuditEntry.Outcome.OK, detail, SOURCE);
    }

    /** {@code recio users add NAME [--role USER|MASTER_ADMIN] [--password-stdin]}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. Without --password-stdin a password is generated and printed once;"
                    + " either way the user chooses their own at the first sign-in.")
    static final class Add implements Callable<Integer> {
        @Mixin
        ToolOptions tool;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;
        @Option(names = "--role", defaultValue = "USER", description = "USER (default) or MASTER_ADMIN.")
        String role;
        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            return run(tool, spec, context -> {
                Role r = Role.parse(role);
                UserAccounts accounts = context.getBean(UserAccounts.class);
                String password = passwordStdin ? readPassword() : accounts.generatePassword();
                UserAccount user = accounts.createWithTemporaryPassword(username, password, r);
                audit(context, "user.create", user.username(), "created as " + r.label());
                return "Added " + user.username() + " (" + r.label() + ")."
                        + (passwordStdin ? "" : "\nPassword (shown only now): " + password);
            });
        }
    }

    /** {@code recio users list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users with role and status.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        ToolOptions tool;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run(tool, spec, context -> {
                StringBuilder table = new StringBuilder(String.format("%-24s %-13s %-9s %s", "USERNAME", "ROLE", "STATUS",
                        "CREATED"));
                for (UserAccount u : context.getBean(UserAccounts.class).all()) {
                    table.append(String.format("%n%-24s %-13s %-9s %s", u.username(), u.role(),
                            u.enabled() ? "enabled" : "disabled", u.createdAt()));
                }
                return table.toString();
            });
        }
    }

    /** {@code recio users disable NAME}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: no sign-in, no API token (the last enabled master admin stays).")
    static final class Disable implements Callable<Integer> {
        @Mixin
        ToolOptions tool;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            return run(tool, spec, context -> {
                context.getBean(UserAccounts.class).setEnabled(username, false);
                audit(context, "user.disable", username, "disabled");
                return "Disabled " + username + ".";
            });
        }
    }

    /** {@code recio users enable NAME}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
    static final class Enable implements Callable<Integer> {
        @Mixin
        ToolOptions tool;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            return run(tool, spec, context -> {
                context.getBean(UserAccounts.class).setEnabled(username, true);
                audit(context, "user.enable", username, "enabled");
                return "Enabled " + username + ".";
            });
        }
    }

    /** {@code recio users reset-password NAME [--password-stdin]}. */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new password. Without --password-stdin one is generated and printed once;"
                    + " either way the user chooses their own at the next sign-in.")
    static final class ResetPassword implements Callable<Integer> {
        @Mixin
        ToolOptions tool;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;
        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            return run(tool, spec, context -> {
                UserAccounts accounts = context.getBean(UserAccounts.class);
                if (accounts.find(username).isEmpty()) {
                    throw new IllegalArgumentException("no user '" + username + "'");
                }
                String password = passwordStdin ? readPassword() : accounts.generatePassword();
                accounts.resetPassword(username, password);
                audit(context, "user.password_reset", username, "password reset");
                return "New password set for " + username + "."
                        + (passwordStdin ? "" : "\nPassword (shown only now): " + password);
            });
        }
    }
}
