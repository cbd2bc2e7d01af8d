package dev.ward.detect.builtin;

import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.collect.cron.CronCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.CronEntry;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cron and at persistence (ATT&CK T1053.003, T1053.002):
 * <ul>
 * <li>{@code linux.cron.unowned_file} (medium): a crontab, run-parts script or at job that no
 *     package installed, one finding per file whatever it holds (only environment lines, or lines
 *     cron rejects, still count). User crontabs and at jobs are never packaged, so each
 *     one is reported: on a server that uses them this is the inventory an analyst checks.</li>
 * <li>{@code linux.cron.download_and_execute} (high): an entry that fetches code and runs it, or
 *     opens a shell to the network.</li>
 * <li>{@code linux.cron.environment} (high): an environment line of a table that loads code into
 *     every job ({@code LD_PRELOAD}, {@code LD_AUDIT}, {@code BASH_ENV}, {@code ENV}) or points
 *     {@code SHELL}, {@code PATH} or any other variable into a temporary or hidden directory.</li>
 * <li>{@code linux.cron.runs_from_temp} (high): an entry whose program lives in /tmp, /var/tmp,
 *     /dev/shm or a hidden directory.</li>
 * </ul>
 * Without a dpkg database the unowned check says nothing, since "no package" would mean nothing.
 */
public final class CronDetector implements Detector {
    private static final String REMEDY = "Confirm who created it and when (mtime, auth logs); remove the entry, "
            + "preserve a copy as evidence, and look for what it downloaded or ran.";

    @Override
    public String name() {
        return "cron";
    }

    @Override
    public void detect(Scan scan, Results out) {
        List<CronEntry> entries = out.take(scan.records(new CronCollector()));
        for (CronEntry e : entries) {
            if (e.kind().equals("env")) {
                environment(e.command()).ifPresent(why -> out.add(entry(e, "linux.cron.environment",
                        "Cron table sets an environment that changes what its jobs run", why)));
                continue;
            }
            Indicators.downloadAndRun(e.command()).ifPresent(why -> out.add(
                    entry(e, "linux.cron.download_and_execute", "Cron entry downloads and runs code", why)));
            Indicators.runsFromTempOrHidden(e.command()).ifPresent(prog -> out.add(
                    entry(e, "linux.cron.runs_from_temp", "Cron entry runs a program from a temporary or hidden path",
                            "runs " + prog)));
        }
        if (scan.packages().isPresent()) {
            // Listing errors are the collector's to report; this second look only names the files.
            HostFiles files = new HostFiles(scan, name(), new ArrayList<>());
            for (CronCollector.Source s : CronCollector.sources(files)) {
                if (files.owner(s.path()) == null) {
                    out.add(unowned(s, files.mtime(s.path()), entries));
                }
            }
        }
    }

    private static final List<String> LOADS_CODE = List.of("LD_PRELOAD", "LD_AUDIT", "BASH_ENV", "ENV");

    /** Why an environment line {@code NAME=value} matters, if it does. */
    static Optional<String> environment(String assignment) {
        int eq = assignment.indexOf('=');
        String name = assignment.substring(0, eq);
        String value = assignment.substring(eq + 1);
        if (LOADS_CODE.contains(name)) {
            return Optional.of(name + " loads code into every job");
        }
        for (String part : value.split("[:\\s]+")) {
            if (Indicators.isTempOrHidden(part)) {
                return Optional.of(name + " points into " + part);
            }
        }
        return Optional.empty();
    }

    private static Finding entry(CronEntry e, String check, String title, String why) {
        return Finding.builder(check, Severity.HIGH, title)
                .summary(e.path() + ":" + e.line() + " (" + why + ") runs " + Evidence.shown(e.command()))
                .evidence("path", e.path()).evidence("line", e.line()).evidence("kind", e.kind())
                .evidence("user", e.user()).evidence("schedule", e.schedule()).evidence("command", Evidence.shown(e.command()))
                .evidence("indicator", why).evidence("package", Evidence.owner(e.packageName()))
                .evidence("mtime", Evidence.time(e.mtime()))
                .path(e.path()).attack(e.kind().equals("at") ? "T1053.002" : "T1053.003").remediation(REMEDY).build();
    }

    /** One finding per file, from the file list: a file whose lines ward cannot parse is still reported. */
    private static Finding unowned(CronCollector.Source s, Instant mtime, List<CronEntry> all) {
        String path = s.path().display();
        List<CronEntry> mine = all.stream().filter(x -> x.path().equals(path) && !x.kind().equals("env")).toList();
        CronEntry first = mine.isEmpty() ? null : mine.getFirst();
        return Finding.builder("linux.cron.unowned_file", Severity.MEDIUM, "Scheduled job no package installed")
                .summary(path + " (" + s.kind() + ", " + mine.size() + " command line(s))"
                        + (first != null ? ", first: " + Evidence.shown(first.command()) : ""))
                .evidence("path", path).evidence("kind", s.kind())
                .evidence("line", first != null ? first.line() : null)
                .evidence("user", first != null ? first.user() : s.user())
                .evidence("schedule", first != null ? first.schedule() : null)
                .evidence("command", first != null ? Evidence.shown(first.command()) : null).evidence("entries", mine.size())
                .evidence("package", Evidence.NO_PACKAGE).evidence("mtime", Evidence.time(mtime))
                .path(path).attack(s.kind().equals("at") ? "T1053.002" : "T1053.003")
                .remediation("Check that an administrator added it on purpose; otherwise remove it and keep a copy.")
                .build();
    }
}
