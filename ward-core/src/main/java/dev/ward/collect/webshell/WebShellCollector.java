package dev.ward.collect.webshell;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.TreeWalk;
import dev.ward.model.CollectionError;
import dev.ward.model.WebShellHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Server-side scripts under the usual web roots that contain web-shell code. Only names with a
 * server-side extension are read (php and its variants, jsp, asp/aspx, py, pl, cgi, sh), each up
 * to {@link HostFiles#TEXT_LIMIT}; a larger file is read in part and the cut is reported.
 */
public final class WebShellCollector implements Collector<WebShellHit> {
    static final List<String> ROOTS = List.of("/var/www", "/srv/www", "/srv/http", "/usr/share/nginx/html",
            "/usr/share/httpd", "/var/lib/tomcat9/webapps", "/var/lib/tomcat10/webapps", "/opt/lampp/htdocs");
    static final Set<String> EXTENSIONS = Set.of("php", "php3", "php4", "php5", "php7", "phtml", "phar", "inc",
            "jsp", "jspx", "asp", "aspx", "ashx", "py", "pl", "cgi", "sh");

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
        for (String top : ROOTS) {
            walk.walk(HostPath.of(top), (HostPath p, FileStat st) -> {
                if (st.isRegular() && EXTENSIONS.contains(extension(p.name()))) {
                    check(files, p, st, out);
                }
            }, e -> errors.add(new CollectionError(source(), "", e.getMessage())));
        }
        return new CollectResult<>(out, errors);
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
