package io.recio.feeds.internal;

import java.io.PrintStream;

/** A one-line progress bar on the console, redrawn in place when the percentage changes. */
public final class ConsoleProgress implements Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private int shown = -1;

    public ConsoleProgress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public synchronized void update(long done, long total) {
        int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        if (percent == shown) {
            return;
        }
        shown = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
        out.flush();
    }

    @Override
    public synchronized void finish() {
        if (shown >= 0) {
            out.println();
        }
    }
}
