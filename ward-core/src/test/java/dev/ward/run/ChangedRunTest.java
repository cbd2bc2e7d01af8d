package dev.ward.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ward.collect.times.TimeWindow;
import dev.ward.collect.times.TimeWindow.Kind;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.report.Change;
import dev.ward.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedRunTest {
    static final Instant OLD = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path file(String path, Instant mtime, Instant atime) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, path);
        Files.getFileAttributeView(p, BasicFileAttributeView.class).setTimes(FileTime.from(mtime), FileTime.from(atime), null);
        return p;
    }

    @Test
    void listsWhatFallsInTheWindowOldestFirstAndMovesNoAtime() throws Exception {
        Instant now = Instant.now();
        file("etc/old.conf", OLD, OLD);
        Path recent = file("usr/bin/recent", now.minus(Duration.ofMinutes(30)), OLD);
        file("usr/bin/newer", now.minus(Duration.ofMinutes(5)), OLD);
        file("var/tmp/read", OLD, now.minus(Duration.ofMinutes(10)));
        // The directories were made a moment ago, with times the kernel's coarse clock may put before "now".
        try (var all = Files.walk(dir)) {
            for (Path d : all.filter(Files::isDirectory).toList()) {
                Files.getFileAttributeView(d, BasicFileAttributeView.class).setTimes(FileTime.from(OLD), FileTime.from(OLD), null);
            }
        }
        Report r;
        try (HostRoot root = HostRoot.open(dir)) {
            TimeWindow lastHour = TimeWindow.since(Duration.ofHours(1), now, EnumSet.of(Kind.MTIME, Kind.ATIME));
            r = new ChangedRun(lastHour, InstantSource.system()).run(root, List.of(HostPath.of("/etc"), HostPath.of("/usr"),
                    HostPath.of("/var")));
        }
        assertEquals(List.of("/usr/bin/recent mtime", "/var/tmp/read atime", "/usr/bin/newer mtime"),
                r.changes().changed().stream().map(c -> c.path() + " " + String.join(",", c.attributes())).toList());
        Change c = r.changes().changed().getFirst();
        assertEquals("no package", c.now().get("package"));
        assertEquals("regular", c.now().get("type"));
        assertEquals(OLD, Files.readAttributes(recent, java.nio.file.attribute.BasicFileAttributes.class).lastAccessTime().toInstant(),
                "listing never reads a file");
        assertEquals(3L, ((Number) r.summary().get("files")).longValue());
    }

    @Test
    void ctimeIsNowForEveryFileJustWritten() throws Exception {
        file("a/b", OLD, OLD);
        try (HostRoot root = HostRoot.open(dir)) {
            Instant now = Instant.now();
            Report byMtime = new ChangedRun(TimeWindow.since(Duration.ofMinutes(5), now, Set.of(Kind.MTIME)),
                    InstantSource.system()).run(root, List.of(HostPath.ROOT));
            Report byCtime = new ChangedRun(TimeWindow.since(Duration.ofMinutes(5), now, Set.of(Kind.CTIME)),
                    InstantSource.system()).run(root, List.of(HostPath.ROOT));
            assertEquals(List.of(), byMtime.changes().changed().stream().filter(c -> c.path().equals("/a/b")).toList());
            assertEquals(List.of("/a/b"), byCtime.changes().changed().stream().map(Change::path).filter(p -> p.equals("/a/b")).toList(),
                    "an mtime put back does not move the ctime");
        }
    }

    @Test
    void windowsAndTimesParse() {
        assertEquals(Duration.ofMinutes(90), TimeWindow.duration("90m"));
        assertEquals(Duration.ofDays(14), TimeWindow.duration("2w"));
        assertEquals(Duration.ofHours(36), TimeWindow.duration("PT36H"));
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.duration("soon"));
        assertEquals(Instant.parse("2026-11-28T10:00:00Z"), TimeWindow.instant("2026-11-28T12:00:00+02:00"));
        assertEquals(Instant.parse("2026-11-28T10:00:00Z"), TimeWindow.instant("2026-11-28 10:00"));
        assertEquals(Instant.parse("2026-11-28T00:00:00Z"), TimeWindow.instant("2026-11-28"));
        assertEquals(EnumSet.of(Kind.MTIME, Kind.CTIME), Kind.parse("m,c"));
        assertEquals(EnumSet.of(Kind.ATIME, Kind.BIRTH), Kind.parse("ab"));
        assertEquals(EnumSet.of(Kind.MTIME), Kind.parse("mtime"));
        assertThrows(IllegalArgumentException.class, () -> Kind.parse("x"));
        assertThrows(IllegalArgumentException.class, () -> new TimeWindow(Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), Set.of(Kind.MTIME)));
    }
}
