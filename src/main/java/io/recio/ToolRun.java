package io.recio;

import java.io.PrintWriter;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a tool command ({@code users}, {@code credentials}, {@code history}, {@code model}, {@code backup} ...) runs
 * its work: the work prints its answer and returns the exit code; a failure the command expects (the exception
 * types it names, or a {@link Failure}) is one line {@code recio <command>: <message>} on the error output instead
 * of a stack trace. {@link #inContext} first starts recio through the command's {@link ToolOptions} and closes it
 * after.
 */
public final class ToolRun {

    /** A tool's work that needs no application context. */
    @FunctionalInterface
    public interface Work {
        /** Prints the answer to {@code out} and returns the exit code. */
        int run(PrintWriter out) throws Exception;
    }

    /** A tool's work on recio's beans. */
    @FunctionalInterface
    public interface ContextWork {
        /** Prints the answer to {@code out} and returns the exit code. */
        int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception;
    }

    /** A refusal the work words itself, with its exit code (2 for a usage error, 1 for anything else). */
    public static final class Failure extends RuntimeException {
        private final int exitCode;

        public Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    private final CommandSpec spec;
    private final List<Class<? extends Exception>> expected;

    private ToolRun(CommandSpec spec, List<Class<? extends Exception>> expected) {
        this.spec = spec;
        this.expected = expected;
    }

    /** The run of {@code spec}'s command, reporting the {@code expected} exceptions by their message, exit code 1. */
    @SafeVarargs
    public static ToolRun of(CommandSpec spec, Class<? extends Exception>... expected) {
        return new ToolRun(spec, List.of(expected));
    }

    /** Runs {@code work} on a context started by {@code tool}, closed when it is done. */
    public int inContext(ToolOptions tool, ContextWork work) {
        return run(out -> {
            try (ConfigurableApplicationContext context = tool.startContext()) {
                return work.run(context, out);
            }
        });
    }

    /** Runs {@code work}. */
    public int run(Work work) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return work.run(out);
        } catch (Failure e) {
            return fail(e.exitCode, e.getMessage());
        } catch (Exception e) {
            if (expected.stream().noneMatch(type -> type.isInstance(e))) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            return fail(1, e.getMessage());
        } finally {
            out.flush();
        }
    }

    /** Prints {@code recio <command>: <message>} on the error output and returns {@code exitCode}. */
    public int fail(int exitCode, String message) {
        // run by RecioCli the qualified name starts with recio; a command run on its own gets it in front
        String name = spec.root().name().equals("recio") ? spec.qualifiedName(" ") : "recio " + spec.qualifiedName(" ");
        PrintWriter err = spec.commandLine().getErr();
        err.println(name + ": " + message);
        err.flush();
        return exitCode;
    }
}
