package io.recio.ops;

import java.util.List;

/**
 * One command of the admin console on the System page (a plug-in: any bean of this type is offered). recio's own
 * commands only, never a system shell: the console splits the line at spaces, finds the command by its first word,
 * and audits every call with who made it and how it ended.
 */
public interface AdminCommand {

    /** The first word, e.g. {@code kill-switch}. */
    String name();

    /** How to call it, e.g. {@code kill-switch on|off [reason]}. */
    String usage();

    /** What it does, in one line for {@code help}. */
    String summary();

    /**
     * Runs it for a master admin.
     *
     * @param args the words after the name
     * @param user who runs it
     * @return what to show, plain text (several lines allowed)
     * @throws IllegalArgumentException when the arguments are wrong (its message is shown with the usage)
     * @throws Exception                when it could not be done (its message is shown)
     */
    String run(List<String> args, String user) throws Exception;
}
