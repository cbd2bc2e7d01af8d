package dev.ward.collect.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.collect.Scan;
import dev.ward.collect.dpkg.PackageFilesCollector;
import dev.ward.collect.rpm.RpmVerifyParser.Result;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.model.PackageFile;
import dev.ward.run.Checks;
import dev.ward.run.PackagesSummary;
import dev.ward.run.Triage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmVerifyTest {
    @TempDir
    Path dir;

    /** As rpm 4.18 printed it for the root the next test makes. */
    @Test
    void parsesRpmVerifyOutput() {
        List<Result> r = RpmVerifyParser.parse("""
                Unsatisfied dependencies for tool-1.0-1.noarch:
                \t/bin/sh is needed by (installed) tool-1.0-1.noarch
                S.5......  c /etc/tool.conf
                missing     /usr/bin/gone
                SM5......    /usr/bin/tool
                .M.......    /usr/bin/su
                .......T.  d /usr/share/doc/tool/README
                """);
        assertEquals(List.of(
                new Result("S.5......", true, false, "/etc/tool.conf"),
                new Result("", false, true, "/usr/bin/gone"),
                new Result("SM5......", false, false, "/usr/bin/tool"),
                new Result(".M.......", false, false, "/usr/bin/su"),
                new Result(".......T.", false, false, "/usr/share/doc/tool/README")), r);
        assertEquals("size, mode, digest", r.get(2).failed());
        assertEquals(false, r.get(3).contentChanged());
        assertEquals(true, r.get(1).contentChanged());
    }

    /** A package built by rpmbuild, installed by rpm into a root, then tampered with. */
    @Test
    @Tag("root")
    void rpmVerifiesAnRpmRoot() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/rpmbuild")) && Files.isExecutable(Path.of("/usr/bin/rpm")),
                "rpm and rpmbuild are not installed (apt-get install rpm)");
        Path top = dir.resolve("build");
        Files.createDirectories(top.resolve("SPECS"));
        Files.writeString(top.resolve("SPECS/tool.spec"), """
                Name: tool
                Version: 1.0
                Release: 1
                Summary: test
                License: MIT
                BuildArch: noarch
                %description
                test
                %install
                mkdir -p %{buildroot}/usr/bin %{buildroot}/etc
                printf '#!/bin/sh\\necho tool\\n' > %{buildroot}/usr/bin/tool
                chmod 755 %{buildroot}/usr/bin/tool
                printf 'port = 22\\n' > %{buildroot}/etc/tool.conf
                printf 'gone\\n' > %{buildroot}/usr/bin/gone
                printf 'su\\n' > %{buildroot}/usr/bin/su2
                chmod 755 %{buildroot}/usr/bin/su2
                %files
                /usr/bin/tool
                /usr/bin/gone
                /usr/bin/su2
                %config(noreplace) /etc/tool.conf
                """);
        run("rpmbuild", "--define", "_topdir " + top, "-bb", top.resolve("SPECS/tool.spec").toString());
        Path root = Files.createDirectories(dir.resolve("root"));
        run("rpm", "--root", root.toString(), "--dbpath", "/var/lib/rpm", "--initdb");
        run("rpm", "--root", root.toString(), "--dbpath", "/var/lib/rpm", "-i", "--nodeps", "--noscripts",
                top.resolve("RPMS/noarch/tool-1.0-1.noarch.rpm").toString());
        Files.write(root.resolve("usr/bin/tool"), "curl x|sh\n".getBytes(), StandardOpenOption.APPEND);
        Files.write(root.resolve("etc/tool.conf"), "user = root\n".getBytes(), StandardOpenOption.APPEND);
        Files.delete(root.resolve("usr/bin/gone"));
        run("chmod", "4755", root.resolve("usr/bin/su2").toString());
        try (HostRoot host = HostRoot.open(root)) {
            List<PackageFile> files = new Scan(host, InstantSource.system()).records(new PackageFilesCollector()).records();
            assertEquals(List.of("/etc/tool.conf changed config tool", "/usr/bin/gone missing binary tool",
                            "/usr/bin/su2 metadata binary tool", "/usr/bin/tool changed binary tool"),
                    files.stream().map(f -> f.path() + " " + f.state().label() + " " + f.kind().label() + " " + f.packageName())
                            .sorted().toList());
            var report = new Triage(Checks.packages(), InstantSource.system(), PackagesSummary::of).run(host, List.of());
            assertEquals(List.of("high linux.packages.file_changed /usr/bin/tool", "high linux.packages.setid_added /usr/bin/su2",
                            "medium linux.packages.file_missing /usr/bin/gone", "low linux.packages.conffile_changed /etc/tool.conf"),
                    report.findings().stream().map(RpmVerifyTest::brief).toList());
            assertEquals("rpm", report.summary().get("package_manager"));
            assertEquals("dnf reinstall tool", report.findings().getFirst().evidence().get("restore"));
            assertEquals(List.of(), report.errors());
        }
    }

    private static String brief(Finding f) {
        return f.severity().label() + " " + f.check() + " " + f.paths().getFirst();
    }

    private void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), () -> String.join(" ", argv) + ":\n" + out);
    }
}
