package dev.ward.run;

import dev.ward.collect.Scan;
import dev.ward.collect.dpkg.DpkgDatabase;
import dev.ward.collect.dpkg.PackageFilesCollector;
import dev.ward.model.InstalledPackage;
import dev.ward.model.PackageFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The summary of {@code ward packages}: how much was verified and what was found, in counts. */
public final class PackagesSummary {
    private PackagesSummary() {
    }

    public static Map<String, Object> of(Scan scan) {
        DpkgDatabase db = scan.once(DpkgDatabase.class, DpkgDatabase::load);
        List<PackageFile> files = scan.records(new PackageFilesCollector()).records();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("package_manager", db.isPresent() ? "dpkg" : "none found");
        m.put("packages", db.packages().stream().filter(InstalledPackage::hasFiles).count());
        m.put("files_verified", files.size());
        m.put("changed", count(files, f -> f.state() == PackageFile.State.CHANGED && f.kind() != PackageFile.Kind.CONFIG));
        m.put("conffiles_changed", count(files, f -> f.state() == PackageFile.State.CHANGED && f.kind() == PackageFile.Kind.CONFIG));
        m.put("missing", count(files, f -> f.state() == PackageFile.State.MISSING));
        return m;
    }

    private static long count(List<PackageFile> files, java.util.function.Predicate<PackageFile> p) {
        return files.stream().filter(p).count();
    }
}
