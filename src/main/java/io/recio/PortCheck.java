package io.recio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks that a port can be bound, and names the process that holds it when the OS tells. */
public final class PortCheck {

    private PortCheck() {
    }

    /**
     * Throws {@link PortTakenException} when {@code port} on {@code host} cannot be bound.
     *
     * @param name the port's name in the manifest, for the message
     */
    public static void requireFree(String name, String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new PortTakenException(name, host, port, holderOf(port));
        }
    }

    /** The process listening on {@code port}, as "pid 123 (java -jar x.jar)", when /proc tells. */
    static Optional<String> holderOf(int port) {
        try {
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path path = Path.of(table);
                if (!Files.isReadable(path)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(path);
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    // f[1] local address "0100007F:0BB8", f[3] state (0A = LISTEN), f[9] inode
                    if (f.length > 9 && "0A".equals(f[3])
                            && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                        Optional<String> process = processOwningSocket(f[9]);
                        if (process.isPresent()) {
                            return process;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> processOwningSocket(String inode) throws IOException {
        String target = "socket:[" + inode + "]";
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                    boolean owns = fds.anyMatch(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().equals(target);
                        } catch (IOException e) {
                            return false;
                        }
                    });
                    if (owns) {
                        String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                                .replace('\0', ' ').trim();
                        if (cmd.length() > 120) {
                            cmd = cmd.substring(0, 117) + "...";
                        }
                        return Optional.of("pid " + proc.getFileName() + " (" + cmd + ")");
                    }
                } catch (IOException | SecurityException e) {
                    // a process we may not inspect, or one that ended meanwhile
                }
            }
        }
        return Optional.empty();
    }

    /** A port of the manifest is already in use. */
    public static final class PortTakenException extends RuntimeException {
        private final String portName;
        private final int port;

        PortTakenException(String portName, String host, int port, Optional<String> holder) {
            super("Port " + port + " (" + portName + ") on " + host + " is already in use"
                    + holder.map(h -> " by " + h).orElse(" (the OS did not say by which process)"));
            this.portName = portName;
            this.port = port;
        }

        public String portName() {
            return portName;
        }

        public int port() {
            return port;
        }
    }
}
