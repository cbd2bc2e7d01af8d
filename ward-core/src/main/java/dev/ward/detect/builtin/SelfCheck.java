package dev.ward.detect.builtin;

import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.SqliteNative;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ward looks at its own process before it trusts anything it reads. A userland rootkit works by
 * loading a library into every process (LD_PRELOAD, /etc/ld.so.preload) and hooking readdir,
 * open or stat; if such a library is mapped into ward, every answer from libc may be a lie. This
 * always reads the live host's /proc/self, whatever root is being inspected.
 */
public final class SelfCheck {
    static final String CHECK = "ward.self.injected_library";
    private static final List<String> SUSPECT_DIRS = List.of("/tmp/", "/var/tmp/", "/dev/shm/", "/run/shm/");

    private SelfCheck() {
    }

    /** Findings about ward's own process; empty when nothing was injected. */
    public static List<Finding> run(HostRoot live, Map<String, String> environment) {
        Set<String> mapped = mappedFiles(live);
        Set<String> preloaded = new LinkedHashSet<>();
        String env = environment.getOrDefault("LD_PRELOAD", "");
        for (String lib : env.split("[\\s:]+")) {
            if (!lib.isBlank()) {
                preloaded.add(lib);
            }
        }
        try {
            live.readText(HostPath.of("/etc/ld.so.preload")).ifPresent(text -> text.lines()
                    .map(l -> l.replaceFirst("#.*", "").strip())
                    .filter(l -> !l.isEmpty())
                    .forEach(l -> preloaded.addAll(List.of(l.split("[\\s:]+")))));
        } catch (HostException e) {
            preloaded.add("(unreadable /etc/ld.so.preload: " + e.getMessage() + ")");
        }
        List<Finding> findings = new ArrayList<>();
        for (String lib : mappedSuspects(mapped, preloaded)) {
            findings.add(finding(lib, env, preloaded));
        }
        return findings;
    }

    /** Mapped libraries that were preloaded, or that live in temporary places, or were deleted. */
    static List<String> mappedSuspects(Set<String> mapped, Set<String> preloaded) {
        List<String> suspects = new ArrayList<>();
        String own = SqliteNative.library();
        for (String file : mapped) {
            if (file.equals(own)) {
                continue; // SQLite's library, loaded by ward from its own directory
            }
            boolean wasPreloaded = preloaded.stream().anyMatch(p -> file.equals(p) || file.endsWith("/" + p));
            boolean odd = file.endsWith(" (deleted)") || SUSPECT_DIRS.stream().anyMatch(file::startsWith)
                    || (file.contains("/.") && file.contains(".so"));
            if (wasPreloaded || odd) {
                suspects.add(file);
            }
        }
        return suspects;
    }

    /**
     * The files mapped executable into this process, from /proc/self/maps: code, not data (the JVM
     * maps its own perf data file from /tmp, readable and writable, never executable).
     */
    static Set<String> mappedFiles(HostRoot live) {
        Set<String> files = new LinkedHashSet<>();
        try {
            String maps = live.readText(HostPath.of("/proc/self/maps")).orElse("");
            for (String line : maps.split("\n")) {
                String[] f = line.split("\\s+", 6);
                if (f.length == 6 && f[1].indexOf('x') >= 0 && f[5].startsWith("/")) {
                    files.add(f[5]);
                }
            }
        } catch (HostException e) {
            files.add("(unreadable /proc/self/maps)");
        }
        return files;
    }

    private static Finding finding(String lib, String env, Set<String> preloaded) {
        return Finding.builder(CHECK, Severity.CRITICAL, "A library was injected into ward's own process")
                .summary(lib + " is mapped into ward; this host may lie to every program on it, ward included."
                        + " Results read through libc cannot be trusted.")
                .evidence("library", lib)
                .evidence("LD_PRELOAD", env.isEmpty() ? null : env)
                .evidence("preload_entries", List.copyOf(preloaded))
                .path(lib)
                .attack("T1574.006", "T1014")
                .remediation("Treat the host as compromised: examine it offline (boot trusted media, mount the"
                        + " disk read-only and run ward triage --root on it), and remove the library from"
                        + " /etc/ld.so.preload or the environment that set LD_PRELOAD.")
                .build();
    }
}
