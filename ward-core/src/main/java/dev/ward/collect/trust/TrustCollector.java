package dev.ward.collect.trust;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.model.AccountEntry;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.TrustEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host-based trust entries from every file rsh, rlogin and sshd's HostbasedAuthentication read:
 * /etc/hosts.equiv, /etc/shosts.equiv, and .rhosts / .shosts in each account's home (and /root,
 * whatever passwd says). A missing file is normal and says nothing.
 */
public final class TrustCollector implements Collector<TrustEntry> {
    /** A trust file that exists, with its stat; the account is empty for the system-wide files. */
    public record TrustFile(HostPath path, String account, FileStat stat) {
    }

    @Override
    public String source() {
        return "trust";
    }

    @Override
    public Class<TrustEntry> type() {
        return TrustEntry.class;
    }

    @Override
    public CollectResult<TrustEntry> collect(Scan scan) {
        List<TrustEntry> entries = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        HostFiles reader = new HostFiles(scan, source(), errors);
        for (TrustFile file : files(scan, errors)) {
            reader.text(file.path()).ifPresent(text -> {
                CollectResult<TrustEntry> parsed = TrustParser.parse(file.path().display(), file.account(),
                        file.stat().mtime(), text);
                entries.addAll(parsed.records());
                errors.addAll(parsed.errors());
            });
        }
        return new CollectResult<>(entries, errors);
    }

    /** Every trust file present on the root; unreadable locations become errors. */
    public static List<TrustFile> files(Scan scan, List<CollectionError> errors) {
        HostRoot root = scan.root();
        Map<HostPath, String> candidates = new LinkedHashMap<>();
        candidates.put(HostPath.of("/etc/hosts.equiv"), "");
        candidates.put(HostPath.of("/etc/shosts.equiv"), "");
        candidates.put(HostPath.of("/root/.rhosts"), "root");
        candidates.put(HostPath.of("/root/.shosts"), "root");
        for (AccountEntry a : AccountsCollector.accounts(scan)) {
            if (a.home().startsWith("/")) {
                HostPath home = HostPath.of(a.home());
                candidates.putIfAbsent(home.resolve(".rhosts"), a.name());
                candidates.putIfAbsent(home.resolve(".shosts"), a.name());
            }
        }
        List<TrustFile> files = new ArrayList<>();
        candidates.forEach((path, account) -> stat(root, path, errors)
                .filter(FileStat::isRegular) // a link to /dev/null is the usual way to disable one
                .ifPresent(st -> files.add(new TrustFile(path, account, st))));
        return files;
    }

    private static Optional<FileStat> stat(HostRoot root, HostPath path, List<CollectionError> errors) {
        try {
            return root.stat(path);
        } catch (HostException e) {
            errors.add(new CollectionError("trust", path.display(), e.getMessage()));
            return Optional.empty();
        }
    }
}
