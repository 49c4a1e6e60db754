package io.recio.testsupport;

import io.recio.RecioCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of recio's command line in this JVM, as a terminal would see it.
 *
 * @param exit the exit code
 * @param out  what it printed on standard output
 * @param err  what it printed on standard error
 */
public record CommandLineRun(int exit, String out, String err) {

    /** Runs {@code args} with empty standard input. */
    public static CommandLineRun recio(String... args) {
        return withInput("", args);
    }

    /** Runs {@code args} with {@code stdin} on standard input, capturing both outputs. */
    public static CommandLineRun withInput(String stdin, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int exit = RecioCli.execute(args);
            return new CommandLineRun(exit, outBytes.toString(StandardCharsets.UTF_8),
                    errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }
}
