package dev.ward.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.host.HostRoot;
import dev.ward.model.Severity;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceChecksTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void filesFollowTheFormat() throws Exception {
        List<Path> files = CheckFiles.files();
        assertEquals(5, files.size());
        for (Path f : files) {
            Map<String, Object> c = CheckFiles.load(f);
            String area = f.getParent().getFileName().toString();
            assertEquals(1, c.get("schema"), f.toString());
            assertEquals("linux." + area + "." + f.getFileName().toString().replace(".yaml", ""), c.get("id"));
            Severity.parse((String) c.get("severity"));
            for (String key : List.of("title", "description", "attack", "references", "summary", "remediation")) {
                assertTrue(c.containsKey(key), f + " lacks " + key);
            }
            Class<?> type = CheckFiles.collector((String) c.get("source")).type();
            List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            for (String k : List.of("paths", "evidence")) {
                assertTrue(fields.containsAll((List<String>) c.get(k)), f + ": " + k + " names unknown fields");
            }
            Matcher m = Pattern.compile("\\{(\\w+)}").matcher((String) c.get("summary"));
            while (m.find()) {
                assertTrue(fields.contains(m.group(1)), f + ": summary names " + m.group(1));
            }
        }
    }

    @Test
    void checksFireOnTheirTechniqueOnly() throws Exception {
        write("/var/lib/dpkg/info/udev.list", "/.\n/usr/lib/udev/rules.d/60-block.rules\n/etc/init.d/udev\n");
        write("/usr/lib/udev/rules.d/60-block.rules", "ACTION==\"add\", RUN+=\"/usr/bin/true\"\n");
        write("/etc/udev/rules.d/99-x.rules", "ACTION==\"add\", RUN+=\"/bin/sh -c '/var/tmp/.d/x'\"\n"
                + "SUBSYSTEM==\"net\", RUN+=\"/usr/local/sbin/ifhook\"\n");
        write("/etc/pam.d/sshd", "auth optional pam_exec.so quiet expose_authtok /usr/local/bin/log\n"
                + "auth required pam_unix.so\n");
        write("/etc/update-motd.d/99-x", "#!/bin/sh\nid\n");
        write("/etc/init.d/udev", "#!/bin/sh\n");
        write("/etc/init.d/svc", "#!/bin/sh\n/opt/svc &\n");
        assertEquals(List.of("linux.init.unowned_script /etc/init.d/svc:0",
                "linux.motd.unowned_script /etc/update-motd.d/99-x:0",
                "linux.pam.exec_module /etc/pam.d/sshd:1",
                "linux.udev.run_from_temp /etc/udev/rules.d/99-x.rules:1",
                "linux.udev.unowned_run /etc/udev/rules.d/99-x.rules:1",
                "linux.udev.unowned_run /etc/udev/rules.d/99-x.rules:2"), fired(dir, Severity.INFO));
    }

    @Test
    void quietWithoutTheTechniques() throws Exception {
        write("/etc/pam.d/login", "auth required pam_unix.so\n");
        write("/etc/udev/rules.d/README", "RUN+=\"/tmp/x\"\n");
        assertEquals(List.of(), fired(dir, Severity.INFO));
    }

    @Test
    @org.junit.jupiter.api.Tag("debian-root")
    void quietOnAFreshDebian() throws Exception {
        Path debian = Path.of("/tmp/ward-scenarios/debian-root");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(debian.resolve("var/lib/dpkg/info")));
        assertEquals(List.of(), fired(debian, Severity.MEDIUM));
    }

    /** "id path:line" of every check firing at or above {@code min}, sorted. */
    @SuppressWarnings("unchecked")
    static List<String> fired(Path rootDir, Severity min) throws Exception {
        List<String> out = new ArrayList<>();
        try (HostRoot root = HostRoot.open(rootDir)) {
            Scan scan = new Scan(root, InstantSource.system());
            for (Path f : CheckFiles.files()) {
                Map<String, Object> c = CheckFiles.load(f);
                if (!Severity.parse((String) c.get("severity")).atLeast(min)) {
                    continue;
                }
                Collector<?> col = CheckFiles.collector((String) c.get("source"));
                for (Record r : scan.records(col).records()) {
                    if (CheckFiles.matches((Map<String, Object>) c.get("match"), r, c)) {
                        Object line = hasLine(r) ? CheckFiles.component(r, "line") : 0;
                        out.add(c.get("id") + " " + CheckFiles.component(r, "path") + ":" + line);
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static boolean hasLine(Record r) {
        return Arrays.stream(r.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals("line"));
    }

    private void write(String path, String text) throws Exception {
        Path p = dir.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
