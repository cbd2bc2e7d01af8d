package dev.ward.collect.webshell;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.TreeWalk;
import dev.ward.model.CollectionError;
import dev.ward.model.WebShellHit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Server-side scripts under the usual web roots and users' public_html that contain web-shell
 * code. Only names with a server-side extension are read (php and its variants, shtml, jsp,
 * asp/aspx, py, pl, cgi, sh), each up
 * to {@link HostFiles#TEXT_LIMIT}; a larger file is read in part and the cut is reported.
 */
public final class WebShellCollector implements Collector<WebShellHit> {
    static final List<String> ROOTS = List.of("/var/www", "/srv/www", "/srv/http", "/usr/share/nginx/html",
            "/usr/share/httpd", "/var/lib/tomcat9/webapps", "/var/lib/tomcat10/webapps", "/opt/lampp/htdocs");
    static final Set<String> EXTENSIONS = Set.of("php", "php3", "php4", "php5", "php7", "php8", "pht", "phps",
            "phtml", "phar", "inc", "shtml", "jsp", "jspx", "asp", "aspx", "ashx", "py", "pl", "cgi", "sh");

    @Override
    public String source() {
        return "webshell";
    }

    @Override
    public Class<WebShellHit> type() {
        return WebShellHit.class;
    }

    @Override
    public CollectResult<WebShellHit> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        List<WebShellHit> out = new ArrayList<>();
        TreeWalk walk = new TreeWalk(scan.root(), Set.of());
        for (HostPath top : roots(files)) {
            walk.walkFollowingStart(top, (HostPath p, FileStat st) -> {
                if (st.isRegular() && EXTENSIONS.contains(extension(p.name()))) {
                    check(files, p, st, out);
                }
            }, e -> errors.add(new CollectionError(source(), "", e.getMessage())));
        }
        return new CollectResult<>(out, errors);
    }

    /**
     * The web roots present: the usual ones and each user's {@code public_html} (Apache's UserDir),
     * for passwd homes and every directory under /home. A root that is a link is followed, and a
     * directory reached under two names is walked once.
     */
    private static List<HostPath> roots(HostFiles files) {
        Set<HostPath> candidates = new LinkedHashSet<>();
        ROOTS.forEach(r -> candidates.add(HostPath.of(r)));
        AccountsCollector.homes(files.scan()).forEach(h -> candidates.add(h.resolve("public_html")));
        files.entries(HostPath.of("/home")).forEach(e -> candidates.add(e.path().resolve("public_html")));
        Set<List<Long>> seen = new HashSet<>();
        List<HostPath> out = new ArrayList<>();
        for (HostPath c : candidates) {
            files.stat(c).filter(FileStat::isDirectory)
                    .filter(st -> seen.add(List.of(st.device(), st.inode())))
                    .ifPresent(st -> out.add(c));
        }
        return out;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Scans one file. The file may have been uploaded by anyone, so a failure of the scan on its
     * contents (a regex overflowing the stack on a hostile line) is an error for that file only.
     */
    private static void check(HostFiles files, HostPath p, FileStat st, List<WebShellHit> out) {
        try {
            files.text(p).flatMap(WebShellScanner::scan).ifPresent(h -> out.add(new WebShellHit(p.display(),
                    h.line(), h.pattern(), h.text(), st.size(), st.mtime(), files.owner(p))));
        } catch (RuntimeException | StackOverflowError e) {
            files.errors().add(new CollectionError("webshell", p.display(), "not scanned: " + e));
        }
    }
}
