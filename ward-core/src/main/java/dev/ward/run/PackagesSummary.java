package dev.ward.run;

import dev.ward.collect.Scan;
import dev.ward.collect.dpkg.DpkgDatabase;
import dev.ward.collect.dpkg.PackageFilesCollector;
import dev.ward.collect.rpm.RpmVerifier;
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
        if (db.isPresent()) {
            m.put("package_manager", "dpkg");
            m.put("packages", db.packages().stream().filter(InstalledPackage::hasFiles).count());
            m.put("files_verified", files.size());
        } else {
            // rpm -Va prints only what failed: no count of the files it verified
            m.put("package_manager", RpmVerifier.database(scan.root()).map(d -> "rpm").orElse("none found"));
        }
        m.put("changed", count(files, f -> f.state() == PackageFile.State.CHANGED && f.kind() != PackageFile.Kind.CONFIG));
        m.put("conffiles_changed", count(files, f -> f.state() == PackageFile.State.CHANGED && f.kind() == PackageFile.Kind.CONFIG));
        m.put("metadata_changed", count(files, f -> f.state() == PackageFile.State.METADATA));
        m.put("missing", count(files, f -> f.state() == PackageFile.State.MISSING));
        return m;
    }

    private static long count(List<PackageFile> files, java.util.function.Predicate<PackageFile> p) {
        return files.stream().filter(p).count();
    }
}
