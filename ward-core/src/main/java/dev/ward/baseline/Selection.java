package dev.ward.baseline;

import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule set selects: where the scan starts, and for each path met, whether it is recorded
 * and with which attributes. Implemented by the parsed AIDE-style rules.
 */
public interface Selection {
    /** The directories (or files) the scan starts from: the tops of the positive selection lines. */
    List<HostPath> starts();

    /**
     * The attributes to record for this path, or empty when it is not selected. {@code type} lets
     * rules restricted to file types apply; a directory that is not selected may still be descended
     * into when {@link #descend} says so.
     */
    Optional<Set<Attribute>> select(HostPath path, FileType type);

    /** False when nothing under this directory can be selected ({@code !/proc} with no exception under it). */
    boolean descend(HostPath dir);
}
