package dev.ward.collect.cron;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.collect.script.ScriptParser;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.CronEntry;
import dev.ward.model.ScriptFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything cron and atd will run: {@code /etc/crontab}, {@code /etc/cron.d/*}, the run-parts
 * directories {@code /etc/cron.{hourly,daily,weekly,monthly,yearly}}, user crontabs (Debian's
 * {@code /var/spool/cron/crontabs}, and Red Hat's {@code /var/spool/cron} where files sit directly)
 * queued at jobs ({@code /var/spool/cron/atjobs}, Red Hat's {@code /var/spool/at}),
 * {@code /etc/anacrontab}, and incron tables ({@code /etc/incron.d/*} run as root,
 * {@code /var/spool/incron/USER}). Environment lines become entries of kind {@code env} with the
 * assignment as their command: {@code SHELL}, {@code PATH} or {@code BASH_ENV} there changes
 * what every later job of the file runs.
 *
 * <p>Files are collected whatever their name, although Debian's cron and run-parts skip names with
 * a dot: an attacker's {@code job.sh} does not run, but it is still worth a look.
 */
public final class CronCollector implements Collector<CronEntry> {
    private static final String[] PERIODS = {"hourly", "daily", "weekly", "monthly", "yearly"};

    /** How a scheduler reads a file: its {@link CronEntry#kind()}, and the user its lines run as when known. */
    public record Source(HostPath path, String kind, String user) {
    }

    @Override
    public String source() {
        return "cron";
    }

    @Override
    public Class<CronEntry> type() {
        return CronEntry.class;
    }

    /**
     * Every file a scheduler reads, whatever it holds: an unowned crontab is worth reporting even
     * when ward parses no command from it (only environment lines, or lines cron would reject).
     */
    public static List<Source> sources(HostFiles files) {
        List<Source> out = new ArrayList<>();
        for (String[] table : new String[][] {{"/etc/crontab", "system"}, {"/etc/anacrontab", "anacron"}}) {
            HostPath p = HostPath.of(table[0]);
            if (files.stat(p).isPresent()) {
                out.add(new Source(p, table[1], table[1].equals("anacron") ? "root" : null));
            }
        }
        files.files(HostPath.of("/etc/cron.d")).forEach(p -> out.add(new Source(p, "system", null)));
        for (String spool : new String[] {"/var/spool/cron/crontabs", "/var/spool/cron"}) {
            files.files(HostPath.of(spool)).forEach(p -> out.add(new Source(p, "user", p.name())));
        }
        for (String period : PERIODS) {
            files.files(HostPath.of("/etc/cron." + period)).forEach(p -> out.add(new Source(p, "script", "root")));
        }
        for (String spool : new String[] {"/var/spool/cron/atjobs", "/var/spool/at"}) {
            for (HostPath p : files.files(HostPath.of(spool))) {
                if (!p.name().equals(".SEQ")) {
                    out.add(new Source(p, "at", files.stat(p).map(s -> "uid " + s.uid()).orElse(null)));
                }
            }
        }
        files.files(HostPath.of("/etc/incron.d")).forEach(p -> out.add(new Source(p, "incron", "root")));
        files.files(HostPath.of("/var/spool/incron")).forEach(p -> out.add(new Source(p, "incron", p.name())));
        return out;
    }

    @Override
    public CollectResult<CronEntry> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        List<CronEntry> out = new ArrayList<>();
        for (Source s : sources(files)) {
            switch (s.kind()) {
                case "script" -> script(files, s.path(), s.kind(), s.user(), s.path().parent().name()
                        .substring("cron.".length()), out);
                case "at" -> script(files, s.path(), s.kind(), s.user(), "at", out);
                default -> table(files, s, out);
            }
        }
        return new CollectResult<>(out, errors);
    }

    private static void table(HostFiles files, Source s, List<CronEntry> out) {
        HostPath p = s.path();
        String text = files.text(p).orElse(null);
        if (text == null) {
            return;
        }
        CronParser.Result r = switch (s.kind()) {
            case "anacron" -> CronParser.anacrontab(text);
            case "incron" -> CronParser.incrontab(text);
            default -> CronParser.parse(text, s.kind().equals("system"));
        };
        r.problems().forEach(m -> files.errors().add(new CollectionError("cron", p.display(), m)));
        String owner = files.owner(p);
        var mtime = files.mtime(p);
        List<CronEntry> mine = new ArrayList<>();
        for (CronParser.Env e : r.env()) {
            mine.add(new CronEntry(p.display(), e.line(), "env", s.user(), null, e.name() + "=" + e.value(), owner, mtime));
        }
        for (CronParser.Line l : r.lines()) {
            String who = s.user() != null ? s.user() : l.user();
            mine.add(new CronEntry(p.display(), l.line(), s.kind(), who, l.schedule(), l.command(), owner, mtime));
        }
        mine.sort(java.util.Comparator.comparingInt(CronEntry::line));
        out.addAll(mine);
    }

    private static void script(HostFiles files, HostPath p, String kind, String user, String schedule,
                               List<CronEntry> out) {
        String text = files.text(p).orElse(null);
        if (text == null) {
            return;
        }
        String owner = files.owner(p);
        var mtime = files.mtime(p);
        for (ScriptFile.Line l : ScriptParser.commands(text)) {
            out.add(new CronEntry(p.display(), l.line(), kind, user, schedule, l.text(), owner, mtime));
        }
    }
}
