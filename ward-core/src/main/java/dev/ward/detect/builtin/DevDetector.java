package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.devfs.DevCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.DevEntry;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.Map;

/**
 * {@code linux.dev.unexpected_file} (high, ATT&CK T1564.001): a regular file or a hidden directory
 * under {@code /dev}, where rootkits keep their files because nobody looks there. In
 * {@code /dev/shm}, a tmpfs programs use for shared memory, only executables and ELF files count.
 * A few names are put there by udev, LXC/LXD, initramfs or Kubernetes: they are reported as info,
 * with the explanation, so an analyst sees why they were let through.
 */
public final class DevDetector implements Detector {
    static final Map<String, String> KNOWN = Map.of(
            "/dev/.udev", "udev's database directory on old systems",
            "/dev/.lxc-boot-id", "LXC writes the container's boot id here",
            "/dev/.lxd-mounts", "LXD's mount point for shared disks",
            "/dev/.initramfs", "left by initramfs-tools on old systems",
            "/dev/.mdadm", "mdadm's runtime directory on old systems",
            "/dev/termination-log", "Kubernetes' container termination message file");

    @Override
    public String name() {
        return "dev";
    }

    @Override
    public void detect(Scan scan, Results out) {
        for (DevEntry e : out.take(scan.records(new DevCollector()))) {
            String known = knownName(e.path());
            if (e.path().startsWith("/dev/shm/") && known == null && !e.elf() && !(e.executable() && e.type().equals("file"))) {
                continue;
            }
            if (known != null && e.path().startsWith("/dev/shm/")) {
                continue;
            }
            Severity s = known != null ? Severity.INFO : Severity.HIGH;
            String what = e.elf() ? "ELF executable" : e.type().equals("file") ? "regular file" : "hidden directory";
            out.add(Finding.builder("linux.dev.unexpected_file", s, "Unexpected " + what + " under /dev")
                    .summary(e.path() + ": " + what + (known != null ? " (known: " + known + ")" : ""))
                    .evidence("path", e.path()).evidence("type", e.type()).evidence("elf", e.elf())
                    .evidence("mode", Evidence.octal(e.mode())).evidence("uid", e.uid()).evidence("size", e.size())
                    .evidence("mtime", Evidence.time(e.mtime())).evidence("explanation", known)
                    .path(e.path()).attack("T1564.001")
                    .remediation(known != null ? "Nothing to do if the named software is in use."
                            : "Copy it out for analysis, find the process that uses it (lsof, /proc/*/maps), "
                            + "then remove it.").build());
        }
    }

    /** The explanation of a known name, for the entry itself or anything inside it. */
    static String knownName(String path) {
        for (Map.Entry<String, String> k : KNOWN.entrySet()) {
            if (path.equals(k.getKey()) || path.startsWith(k.getKey() + "/")) {
                return k.getValue();
            }
        }
        return null;
    }
}
