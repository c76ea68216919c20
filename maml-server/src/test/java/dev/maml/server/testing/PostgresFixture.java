package dev.maml.server.testing;

import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL (Debian's {@code postgresql} package in CI) in a temporary directory, on a
 * free loopback port, with password authentication over TCP: initdb, then pg_ctl start; closing it
 * stops the server at once and removes the directory. PostgreSQL refuses to run as root, and CI runs
 * as root: then the directory belongs to the {@code postgres} account the package creates, and the
 * programs run through {@code runuser -u postgres --}. The programs are found in
 * /usr/lib/postgresql/VERSION/bin (the newest), else where {@code pg_config --bindir} says; without
 * them the test is skipped, except under CI=true ({@link RequiredProgram}).
 */
public final class PostgresFixture implements AutoCloseable {

    /** The role tests connect as, and its password (given through PGPASSWORD or the URL, never printed by maml). */
    public static final String USER = "maml";
    public static final String PASSWORD = "pg-test-secret-7f3a";

    private static final String PURPOSE = "the tests against a real PostgreSQL";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final int ATTEMPTS = 3;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final List<String> asOwner;
    private final int port;
    private final Thread stopAtExit;

    private PostgresFixture(Path bin, Path dir, List<String> asOwner, int port) {
        this.bin = bin;
        this.dir = dir;
        this.asOwner = asOwner;
        this.port = port;
        this.stopAtExit = new Thread(this::stopQuietly, "stop test postgres");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** initdb and start a server; skips (or fails under CI=true) when PostgreSQL is not installed. */
    public static PostgresFixture start() throws Exception {
        Path bin = binaries();
        if (bin == null) {
            RequiredProgram.missing("PostgreSQL (initdb, pg_ctl)", PURPOSE);
            throw new IllegalStateException("unreachable: missing() skips or fails");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> asOwner = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
        Path dir = Files.createTempDirectory("maml-postgres-");
        try {
            Path password = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
                Files.setOwner(password, postgres);
            }
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            run(asOwner, dir, bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--pwfile=" + password, "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync",
                    "-E", "UTF8", "--locale=C");
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                ChildProcesses.Finished started = pgCtl(asOwner, bin, dir, "start", "-w", "-t", "60", "-l",
                        dir.resolve("server-" + attempt + ".log").toString(), "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                + " -c full_page_writes=off -c max_connections=40 -c shared_buffers=16MB");
                if (started.code() == 0) {
                    return new PostgresFixture(bin, dir, asOwner, port);
                }
                if (attempt == ATTEMPTS) {
                    throw new IOException("PostgreSQL did not start: " + started.output() + "\n" + log(dir, attempt));
                }
            }
        } catch (Exception e) {
            delete(dir);
            throw e;
        }
    }

    /** A fresh, empty database; its JDBC URL without credentials (give them as {@link #credentials}). */
    public String newDatabase() throws SQLException {
        String name = "maml_test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), credentials()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /** The JDBC URL of {@code database}, without credentials. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** USER and PASSWORD as connection properties. */
    public static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        return p;
    }

    /** Opens a connection of the test itself (to look into or tamper with the database). */
    public Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, credentials());
    }

    @Override
    public void close() throws IOException {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down: the hook runs anyway
        }
        delete(dir);
    }

    private void stopQuietly() {
        try {
            pgCtl(asOwner, bin, dir, "stop", "-m", "immediate", "-w");
        } catch (IOException | InterruptedException e) {
            // Nothing more to do; the directory is removed next.
        }
    }

    private static ChildProcesses.Finished pgCtl(List<String> asOwner, Path bin, Path dir, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asOwner);
        command.add(bin.resolve("pg_ctl").toString());
        command.add("-D");
        command.add(dir.resolve("data").toString());
        command.addAll(List.of(args));
        return ChildProcesses.run(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true), STEP_TIMEOUT);
    }

    private static void run(List<String> asOwner, Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asOwner);
        command.addAll(List.of(args));
        ChildProcesses.Finished r = ChildProcesses.run(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true),
                STEP_TIMEOUT);
        if (r.code() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + r.code() + "): " + r.output());
        }
    }

    /** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
    private static @Nullable Path binaries() throws InterruptedException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(versions)) {
                List<Path> bins = new ArrayList<>();
                all.forEach(v -> bins.add(v.resolve("bin")));
                Path newest = bins.stream().filter(PostgresFixture::complete)
                        .max(Comparator.comparingInt(PostgresFixture::major)).orElse(null);
                if (newest != null) {
                    return newest;
                }
            } catch (IOException e) {
                // unreadable: try pg_config
            }
        }
        ChildProcesses.Finished config = ChildProcess.run(Path.of("").toAbsolutePath(), Duration.ofSeconds(30), "pg_config", "--bindir");
        if (config == null || config.code() != 0) {
            return null;
        }
        Path bin = Path.of(config.output().strip());
        return complete(bin) ? bin : null;
    }

    private static boolean complete(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))
                && Files.isExecutable(bin.resolve("postgres"));
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String log(Path dir, int attempt) {
        try {
            return Files.readString(dir.resolve("server-" + attempt + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
