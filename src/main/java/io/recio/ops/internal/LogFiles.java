package io.recio.ops.internal;

import io.recio.ApiProblem;
import io.recio.RecioProperties;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Reads the logs under {@code <data-dir>/logs}: the application log ({@code recio}) and each managed service's,
 * by name only (never a path), from the end.
 */
@Component
class LogFiles {

    /** The largest tail read at once. */
    static final int MAX_BYTES = 1024 * 1024;
    static final String APPLICATION = "recio";

    /** Lines of a log and where its file ended when they were read (for the next, incremental read). */
    record Tail(String name, List<String> lines, long offset) {
    }

    /** The size in bytes of every log that exists, by name (what the System page's log view follows). */
    record Sizes(Map<String, Long> sizes) {
    }

    /** A log file that exists. */
    record LogFile(String name, long sizeBytes, Instant modified) {
    }

    private final Path dir;
    private final ServiceRunner services;

    LogFiles(RecioProperties recio, ServiceRunner services) {
        this.dir = recio.dataDir().resolve("logs");
        this.services = services;
    }

    List<LogFile> list() {
        List<LogFile> files = new ArrayList<>();
        for (String name : names()) {
            Path file = dir.resolve(name + ".log");
            try {
                if (Files.isRegularFile(file)) {
                    files.add(new LogFile(name, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
                }
            } catch (IOException e) {
                // gone between the check and the read: not listed
            }
        }
        return files;
    }

    /** The size of every log file that exists, by name. */
    Map<String, Long> sizes() {
        Map<String, Long> sizes = new TreeMap<>();
        list().forEach(f -> sizes.put(f.name(), f.sizeBytes()));
        return sizes;
    }

    /** The last {@code lines} lines of the log {@code name}. */
    Tail last(String name, int lines) {
        Path file = file(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            long from = Math.max(0, size - MAX_BYTES);
            List<String> all = read(f, from, size);
            if (from > 0 && !all.isEmpty()) {
                all.removeFirst();
            }
            return new Tail(name, all.subList(Math.max(0, all.size() - lines), all.size()), size);
        } catch (IOException e) {
            throw ApiProblem.unavailable("log_unreadable", "the log " + name + " cannot be read: " + e.getMessage());
        }
    }

    /** The lines written to the log {@code name} after {@code offset} (from the start when it rolled over since). */
    Tail after(String name, long offset) {
        Path file = file(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            long from = offset > size ? 0 : offset;
            long to = Math.min(size, from + MAX_BYTES);
            List<String> lines = read(f, from, to);
            // a line still being written is read next time
            long end = to;
            if (!lines.isEmpty() && endsMidLine(f, to)) {
                String partial = lines.removeLast();
                end = to - partial.getBytes(StandardCharsets.UTF_8).length;
            }
            return new Tail(name, lines, end);
        } catch (IOException e) {
            throw ApiProblem.unavailable("log_unreadable", "the log " + name + " cannot be read: " + e.getMessage());
        }
    }

    private static boolean endsMidLine(RandomAccessFile f, long to) throws IOException {
        if (to == 0) {
            return false;
        }
        f.seek(to - 1);
        return f.read() != '\n';
    }

    private static List<String> read(RandomAccessFile f, long from, long to) throws IOException {
        byte[] bytes = new byte[(int) (to - from)];
        f.seek(from);
        f.readFully(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private Path file(String name) {
        if (!names().contains(name)) {
            throw ApiProblem.notFound("no log named '" + name + "'; logs: " + String.join(", ", names()));
        }
        Path file = dir.resolve(name + ".log");
        if (!Files.isRegularFile(file)) {
            throw ApiProblem.notFound("the log " + name + " has no lines yet");
        }
        return file;
    }

    /** The application log and every managed service's. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(APPLICATION);
        services.all().forEach(h -> names.add(h.name().value()));
        return names;
    }
}
