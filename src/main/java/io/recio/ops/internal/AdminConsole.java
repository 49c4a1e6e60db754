package io.recio.ops.internal;

import io.recio.ops.AdminCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The admin console of the System page: runs one of recio's own {@link AdminCommand}s per line (never a system
 * shell), answers its text, and audits every call, refused or not.
 */
@Service
class AdminConsole {

    private static final Logger log = LoggerFactory.getLogger(AdminConsole.class);
    static final int MAX_LINE = 500;

    /** What one line did. */
    record Result(String line, boolean ok, String output) {
    }

    private final ObjectProvider<AdminCommand> commands;
    private final OpsAudit audit;

    AdminConsole(ObjectProvider<AdminCommand> commands, OpsAudit audit) {
        this.commands = commands;
        this.audit = audit;
    }

    Result run(String line, String user) {
        List<String> words = new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
        String name = words.removeFirst().toLowerCase(java.util.Locale.ROOT);
        Result result;
        if (name.equals("help")) {
            result = new Result(line, true, help());
        } else {
            AdminCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (command == null) {
                result = new Result(line, false, "unknown command '" + name + "'; type help for the commands");
            } else {
                result = run(command, words, line, user);
            }
        }
        audit.record(user, "console", line, result.ok(), firstLine(result.output()));
        return result;
    }

    private static Result run(AdminCommand command, List<String> args, String line, String user) {
        try {
            return new Result(line, true, command.run(args, user));
        } catch (IllegalArgumentException e) {
            return new Result(line, false, e.getMessage() + "\nusage: " + command.usage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(line, false, "interrupted");
        } catch (Exception e) {
            log.warn("admin command '{}' failed", line, e);
            String message = ServiceRunner.describe(e);
            return new Result(line, false, command.name() + " failed: " + message);
        }
    }

    /** Every command with its usage, in name order. */
    String help() {
        StringBuilder text = new StringBuilder("recio's admin commands (not a system shell):\n");
        List<AdminCommand> all = new ArrayList<>(commands.stream().toList());
        all.sort(Comparator.comparing(AdminCommand::name));
        int width = all.stream().mapToInt(c -> c.usage().length()).max().orElse(4);
        for (AdminCommand c : all) {
            text.append(String.format("  %-" + width + "s  %s%n", c.usage(), c.summary()));
        }
        text.append(String.format("  %-" + width + "s  %s", "help", "this list"));
        return text.toString();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " …";
    }
}
