package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.cron.CronCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.CronEntry;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cron and at persistence (ATT&CK T1053.003, T1053.002):
 * <ul>
 * <li>{@code linux.cron.unowned_file} (medium): a crontab, run-parts script or at job that no
 *     package installed, one finding per file. User crontabs and at jobs are never packaged, so each
 *     one is reported: on a server that uses them this is the inventory an analyst checks.</li>
 * <li>{@code linux.cron.download_and_execute} (high): an entry that fetches code and runs it, or
 *     opens a shell to the network.</li>
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
        Map<String, CronEntry> firstByFile = new LinkedHashMap<>();
        for (CronEntry e : entries) {
            firstByFile.putIfAbsent(e.path(), e);
            Indicators.downloadAndRun(e.command()).ifPresent(why -> out.add(
                    entry(e, "linux.cron.download_and_execute", "Cron entry downloads and runs code", why)));
            Indicators.runsFromTempOrHidden(e.command()).ifPresent(prog -> out.add(
                    entry(e, "linux.cron.runs_from_temp", "Cron entry runs a program from a temporary or hidden path",
                            "runs " + prog)));
        }
        if (scan.packages().isPresent()) {
            firstByFile.values().stream().filter(e -> e.packageName() == null)
                    .forEach(e -> out.add(unowned(e, entries)));
        }
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

    private static Finding unowned(CronEntry first, List<CronEntry> all) {
        long count = all.stream().filter(x -> x.path().equals(first.path())).count();
        return Finding.builder("linux.cron.unowned_file", Severity.MEDIUM, "Scheduled job no package installed")
                .summary(first.path() + " (" + first.kind() + ", " + count + " command line(s)), first: "
                        + Evidence.shown(first.command()))
                .evidence("path", first.path()).evidence("kind", first.kind()).evidence("line", first.line())
                .evidence("user", first.user()).evidence("schedule", first.schedule())
                .evidence("command", Evidence.shown(first.command())).evidence("entries", count)
                .evidence("package", Evidence.NO_PACKAGE).evidence("mtime", Evidence.time(first.mtime()))
                .path(first.path()).attack(first.kind().equals("at") ? "T1053.002" : "T1053.003")
                .remediation("Check that an administrator added it on purpose; otherwise remove it and keep a copy.")
                .build();
    }
}
