package dev.ward.collect.modules;

import java.util.ArrayList;
import java.util.List;

/** Pure: the running kernel's modules as /proc/modules lists them, and its taint flags. */
public final class LoadedModules {
    private LoadedModules() {
    }

    /**
     * One line of /proc/modules: "name size refcount deps state address [(taints)]".
     *
     * @param taints the module's own taint letters ("OE"), or ""
     */
    public record Module(String name, long size, String state, String taints) {
    }

    public static List<Module> parse(String procModules) {
        List<Module> out = new ArrayList<>();
        for (String line : procModules.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            String taints = f.length > 6 && f[6].startsWith("(") && f[6].endsWith(")") ? f[6].substring(1, f[6].length() - 1) : "";
            try {
                out.add(new Module(f[0], Long.parseLong(f[1]), f[4], taints));
            } catch (NumberFormatException e) {
                // not a module line
            }
        }
        return out;
    }

    /** The kernel's taint bits (/proc/sys/kernel/tainted), letter and meaning, as its documentation names them. */
    static final String[][] TAINTS = {
        {"P", "a proprietary module was loaded"}, {"F", "a module was force-loaded"},
        {"S", "running on out-of-specification hardware"}, {"R", "a module was force-unloaded"},
        {"M", "a machine check occurred"}, {"B", "a bad page was found"}, {"U", "tainted at a user's request"},
        {"D", "the kernel died recently (oops)"}, {"A", "an ACPI table was overridden"},
        {"W", "the kernel issued a warning"}, {"C", "a staging driver was loaded"},
        {"I", "a platform firmware bug was worked around"}, {"O", "an out-of-tree module was loaded"},
        {"E", "an unsigned module was loaded"}, {"L", "a soft lockup occurred"}, {"K", "the kernel was live-patched"},
        {"X", "an auxiliary taint (distribution-defined)"}, {"T", "built with the struct randomization plugin"},
        {"N", "an in-kernel test was run"},
    };

    /** The letter and meaning of each bit set in {@code tainted}. */
    public static List<String[]> taints(long tainted) {
        List<String[]> out = new ArrayList<>();
        for (int bit = 0; bit < TAINTS.length; bit++) {
            if ((tainted & (1L << bit)) != 0) {
                out.add(TAINTS[bit]);
            }
        }
        return out;
    }
}
