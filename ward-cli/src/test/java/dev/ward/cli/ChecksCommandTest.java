package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ward checks list|show} and a site's own checks given with --checks. */
class ChecksCommandTest {
    @TempDir
    Path dir;

    @Test
    void listShowsEveryBuiltinCheck() {
        MainTest.Run r = ward("checks", "list");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("linux.accounts.uid0_non_root ") && l.contains("critical")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("linux.sudo.nopasswd_all ")), r.out());
    }

    @Test
    void showPrintsTheDescriptionAndParameters() {
        MainTest.Run r = ward("checks", "show", "linux.accounts.uid0_non_root");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("The kernel grants every privilege to uid 0"), r.out());
        assertTrue(r.out().contains("allowed (list) = [root]"), r.out());
        assertEquals(66, ward("checks", "show", "linux.no.such").status());
    }

    @Test
    void aSiteCheckRunsInTriageAndABrokenOneStopsWithItsLine() throws Exception {
        Path checks = Files.createDirectories(dir.resolve("checks"));
        Files.writeString(checks.resolve("games.yaml"), """
                schema: 1
                id: site.accounts.games_shell
                title: games account has a shell
                description: The games account must never log in here.
                severity: high
                source: accounts
                match: {all: [{field: name, equals: games}, {field: loginShell, equals: true}]}
                paths: [path]
                remediation: usermod -s /usr/sbin/nologin games
                """);
        Path root = Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(root.resolve("passwd"), "games:x:5:60:games:/usr/games:/bin/sh\n");
        Files.writeString(root.resolve("shadow"), "games:*:20000:0:99999:7:::\n");
        MainTest.Run r = ward("triage", "--root", dir.resolve("root").toString(), "--checks", checks.toString());
        assertTrue(r.out().contains("site.accounts.games_shell"), r.out());
        assertTrue(ward("checks", "list", "--checks", checks.toString()).out().contains("site.accounts.games_shell"));

        Files.writeString(checks.resolve("broken.yaml"), "schema: 1\nid: site.x.y\nsevrity: high\n");
        MainTest.Run bad = ward("triage", "--root", dir.resolve("root").toString(), "--checks", checks.toString());
        assertEquals(65, bad.status());
        assertTrue(bad.err().startsWith("ward: "), bad.err());
        assertTrue(bad.err().contains("broken.yaml:3:1: unknown key 'sevrity'"), bad.err());
    }
}
