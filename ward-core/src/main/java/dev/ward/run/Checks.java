package dev.ward.run;

import dev.ward.collect.Collector;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.collect.sudo.SudoRuleCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.builtin.AccessDetectors;
import dev.ward.detect.builtin.DuplicateUidDetector;
import dev.ward.detect.checks.Check;
import dev.ward.detect.checks.CheckCatalog;
import dev.ward.detect.checks.CheckDetector;
import dev.ward.detect.checks.CheckFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registry of what each command runs: the sources YAML checks may name, and the Java
 * detectors. A new source or detector is one line here.
 */
public final class Checks {
    private Checks() {
    }

    /** Every source a YAML check can run over, by its {@code source:} name. */
    public static List<Collector<?>> sources() {
        List<Collector<?>> all = new ArrayList<>();
        all.add(new AccountsCollector());
        all.add(new SudoRuleCollector());
        return all;
    }

    /** Everything {@code ward triage} runs: no baseline needed, live host or image. */
    public static List<Detector> triage(CheckCatalog catalog) throws CheckFormatException {
        Set<String> known = sources().stream().map(Collector::source).collect(Collectors.toSet());
        for (Check c : catalog.all()) {
            if (!known.contains(c.source())) {
                throw c.at().error("unknown source '" + c.source() + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        List<Detector> all = new ArrayList<>();
        for (Collector<?> source : sources()) {
            all.add(CheckDetector.of(catalog, source));
        }
        all.add(new DuplicateUidDetector());
        all.addAll(AccessDetectors.all());
        return all;
    }
}
