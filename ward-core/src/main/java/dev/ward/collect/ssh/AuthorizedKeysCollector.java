package dev.ward.collect.ssh;

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
import dev.ward.model.AuthorizedKey;
import dev.ward.model.CollectionError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every key sshd would accept from an authorized keys file: for each account in /etc/passwd, each
 * AuthorizedKeysFile pattern of the effective sshd_config (global and Match blocks, since any
 * connection might match), tokens expanded and relative paths taken from the home directory.
 */
public final class AuthorizedKeysCollector implements Collector<AuthorizedKey> {
    /** A keys file location for one account; {@code stat} is empty when the file is not there. */
    public record KeyFile(HostPath path, AccountEntry account, Optional<FileStat> stat) {
    }

    @Override
    public String source() {
        return "authorized_keys";
    }

    @Override
    public Class<AuthorizedKey> type() {
        return AuthorizedKey.class;
    }

    @Override
    public CollectResult<AuthorizedKey> collect(Scan scan) {
        List<AuthorizedKey> keys = new ArrayList<>();
        SshdConfig config = scan.once(SshdConfig.class, SshdConfig::read);
        List<CollectionError> errors = new ArrayList<>(config.errors());
        HostFiles reader = new HostFiles(scan, source(), errors);
        for (KeyFile f : files(scan, config, errors)) {
            if (f.stat().isEmpty() || !f.stat().get().isRegular()) {
                continue;
            }
            Optional<String> text = reader.text(f.path());
            if (text.isPresent()) {
                var ctx = new AuthorizedKeysParser.Context(f.path().display(), f.account().name(),
                        f.account().uid(), f.stat().get().mtime());
                CollectResult<AuthorizedKey> parsed = AuthorizedKeysParser.parse(ctx, text.get());
                keys.addAll(parsed.records());
                errors.addAll(parsed.errors());
            }
        }
        return new CollectResult<>(keys, errors);
    }

    /** Every keys file location of every account, stat'ed (following links inside the root). */
    public static List<KeyFile> files(Scan scan, SshdConfig config, List<CollectionError> errors) {
        HostRoot root = scan.root();
        List<KeyFile> out = new ArrayList<>();
        Set<HostPath> seen = new LinkedHashSet<>();
        for (AccountEntry a : AccountsCollector.accounts(scan)) {
            for (String pattern : config.authorizedKeysFiles()) {
                Optional<HostPath> path = expand(pattern, a);
                if (path.isEmpty() || !seen.add(path.get())) {
                    continue;
                }
                try {
                    out.add(new KeyFile(path.get(), a, root.stat(path.get())));
                } catch (HostException e) {
                    errors.add(new CollectionError("authorized_keys", path.get().display(), e.getMessage()));
                }
            }
        }
        return out;
    }

    /** Expands %h, %u, %U and %% as sshd does; a relative result is taken from the home directory. */
    static Optional<HostPath> expand(String pattern, AccountEntry a) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                out.append(c);
                continue;
            }
            switch (pattern.charAt(++i)) {
                case 'h' -> out.append(a.home());
                case 'u' -> out.append(a.name());
                case 'U' -> out.append(a.uid());
                case '%' -> out.append('%');
                default -> { return Optional.empty(); } // sshd refuses unknown tokens too
            }
        }
        String p = out.toString();
        if (!p.startsWith("/")) {
            if (!a.home().startsWith("/")) {
                return Optional.empty();
            }
            p = a.home() + "/" + p;
        }
        return Optional.of(HostPath.of(p));
    }
}
