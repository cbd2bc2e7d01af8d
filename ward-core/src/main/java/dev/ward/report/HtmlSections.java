package dev.ward.report;

import dev.ward.model.CollectionError;
import java.util.List;
import java.util.Map;

/** The static parts of the HTML report after the findings; every value is escaped here. */
final class HtmlSections {
    private HtmlSections() {
    }

    static void changes(StringBuilder h, Changes c) {
        if (c.isEmpty()) {
            return;
        }
        int total = c.added().size() + c.removed().size() + c.changed().size();
        h.append("<section id=\"changes\">\n<h2>Changes (").append(total).append(")</h2>\n")
                .append("<table>\n<thead><tr><th>Change</th><th>Path</th><th>Attributes</th>")
                .append("<th>Old</th><th>New</th></tr></thead>\n<tbody>\n");
        rows(h, "added", c.added());
        rows(h, "removed", c.removed());
        rows(h, "changed", c.changed());
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void rows(StringBuilder h, String kind, List<Change> changes) {
        for (Change ch : changes) {
            h.append("<tr class=\"change-").append(kind).append("\"><td>").append(kind).append("</td>")
                    .append("<td class=\"path\">").append(HtmlReporter.escape(ch.path())).append("</td>")
                    .append("<td>").append(HtmlReporter.escape(String.join(", ", ch.attributes()))).append("</td>")
                    .append("<td><code>").append(HtmlReporter.escape(json(ch.old()))).append("</code></td>")
                    .append("<td><code>").append(HtmlReporter.escape(json(ch.now()))).append("</code></td></tr>\n");
        }
    }

    private static String json(Map<String, Object> map) {
        return map.isEmpty() ? "" : Json.compact(map);
    }

    static void errors(StringBuilder h, Report r) {
        List<CollectionError> errors = r.errors();
        if (errors.isEmpty()) {
            return;
        }
        h.append("<section id=\"errors\">\n<h2>Collection errors (").append(errors.size())
                .append(")</h2>\n<p>The run was incomplete: these sources could not be read in full.</p>\n")
                .append("<table>\n<thead><tr><th>Source</th><th>Path</th><th>Message</th></tr></thead>\n<tbody>\n");
        for (CollectionError e : errors) {
            h.append("<tr><td>").append(HtmlReporter.escape(e.source())).append("</td>")
                    .append("<td class=\"path\">").append(HtmlReporter.escape(e.path())).append("</td>")
                    .append("<td>").append(HtmlReporter.escape(e.message())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    /** A titled list of key and value, values that are not strings as compact JSON; none if empty. */
    static void keyValues(StringBuilder h, String id, String title, Map<String, Object> values) {
        if (values.isEmpty()) {
            return;
        }
        h.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n<dl class=\"meta\">\n");
        values.forEach((k, v) -> h.append("<dt>").append(HtmlReporter.escape(k)).append("</dt><dd>")
                .append(HtmlReporter.escape(v instanceof String s ? s : Json.compact(v))).append("</dd>\n"));
        h.append("</dl>\n</section>\n");
    }
}
