package dev.ward.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The training run of the JDK's AOT cache that {@code ./ward} makes once per build: in one JVM, the
 * commands whose start matters most, on work of their own kind, so that the cache holds their
 * classes, loaded and linked (not their methods' profiles: see {@code ./ward}). {@code baseline init}
 * hashes the JDK's own lib directory; {@code logs} reads an authentication log of synthetic lines of
 * each kind it reads; {@code triage} checks a root holding only that log. Hidden: not a command for
 * people.
 */
@Command(name = AotTrainCommand.NAME, hidden = true,
        description = "Train the AOT cache (run by ./ward once per build).")
final class AotTrainCommand implements Callable<Integer> {
    static final String NAME = "aot-train";
    private static final int LINES = 200_000;

    @Parameters(index = "0", paramLabel = "DIR", description = "An empty directory to work in.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Path root = dir.resolve("root");
        Path log = root.resolve("var/log/auth.log");
        Files.createDirectories(log.getParent());
        writeLog(log);
        Path rules = dir.resolve("rules");
        Files.writeString(rules, "T = p+i+n+u+g+s+m+c+sha256\n/lib T\n");
        Main.run("baseline", "init", "--config", rules.toString(), "--db", dir.resolve("db").toString(),
                "--root", System.getProperty("java.home"), "-q");
        Main.run("logs", "--root", root.toString(), "--format", "json", "-o", dir.resolve("logs.json").toString(),
                "-q");
        Main.run("triage", "--root", root.toString(), "--format", "json", "-o", dir.resolve("triage.json").toString(),
                "-q");
        return 0;
    }

    /** Lines of sshd, PAM, sudo, cron and logind, a day's worth, in December of last year. */
    private static void writeLog(Path log) throws IOException {
        try (Writer w = Files.newBufferedWriter(log)) {
            for (int i = 0; i < LINES; i++) {
                String time = String.format("Dec %2d %02d:%02d:%02d", 1 + i / 8000, i / 400 % 24, i / 7 % 60, i % 60);
                String ip = "198.51." + i % 100 + "." + i % 250;
                String line = switch (i % 8) {
                    case 0 -> "sshd[" + i + "]: Failed password for root from " + ip + " port 4242 ssh2";
                    case 1 -> "sshd[" + i + "]: Invalid user admin" + i % 50 + " from " + ip + " port 4243";
                    case 2 -> "sshd[" + i + "]: Failed password for invalid user test from " + ip + " port 4244 ssh2";
                    case 3 -> "sshd[" + i + "]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 "
                            + "tty=ssh ruser= rhost=" + ip + "  user=root";
                    case 4 -> "sshd[" + i + "]: Accepted publickey for alice from 192.0.2." + i % 3 + " port 50000 ssh2";
                    case 5 -> "sshd[" + i + "]: message repeated 2 times: [ Failed password for root from " + ip
                            + " port 4245 ssh2]";
                    case 6 -> "CRON[" + i + "]: (root) CMD (cd / && run-parts --report /etc/cron.hourly)";
                    default -> "sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt-get update";
                };
                w.write(time + " web1 " + line + "\n");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.setLastModifiedTime(log, FileTime.from(Instant.now()));
    }
}
