package dev.ward.model;

import java.time.Instant;
import java.util.List;

/**
 * One process of the live host, as /proc describes it.
 *
 * @param name          the kernel's name for it ({@code comm}, 15 bytes at most)
 * @param command       its arguments joined by spaces; empty for a kernel thread
 * @param exe           the executable, as /proc/PID/exe links it (" (deleted)" when unlinked,
 *                      "/memfd:NAME" for a memory file); "" for a kernel thread or when unreadable
 * @param cwd           its working directory, or ""
 * @param state         R, S, D, Z, T...
 * @param kernelThread  the kernel's own thread (PF_KTHREAD), which has no executable
 * @param cpuTicks      user and system time so far, in clock ticks (1/100 s)
 * @param cpuPercent    the share of one CPU it used while sampled, or -1 when not sampled
 * @param rssKb         resident memory
 * @param ldPreload     LD_PRELOAD of its environment, or "" (unreadable environments count as none)
 * @param stdio         what its descriptors 0, 1 and 2 link to ("/dev/pts/0", "socket:[1234]"...)
 * @param mappedCode    the files it maps executable, besides its executable
 */
public record ProcessEntry(int pid, int ppid, long uid, String user, String name, String command, String exe, String cwd,
                           String state, boolean kernelThread, int threads, Instant started, long cpuTicks,
                           double cpuPercent, long rssKb, String ldPreload, List<String> stdio,
                           List<String> mappedCode) {
    public ProcessEntry {
        stdio = List.copyOf(stdio);
        mappedCode = List.copyOf(mappedCode);
    }

    public ProcessEntry withCpuPercent(double percent) {
        return new ProcessEntry(pid, ppid, uid, user, name, command, exe, cwd, state, kernelThread, threads, started,
                cpuTicks, percent, rssKb, ldPreload, stdio, mappedCode);
    }
}
