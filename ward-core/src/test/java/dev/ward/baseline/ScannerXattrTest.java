package dev.ward.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.FileEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extended attributes, file capabilities among them, read through the root and recorded. */
class ScannerXattrTest {
    @TempDir
    Path dir;

    private FileEntry scanOne(EnumSet<Attribute> attributes) throws Exception {
        try (HostRoot root = HostRoot.open(dir)) {
            var result = new TreeScanner(root, FixedSelection.of(attributes, "/bin"), 2, ProgressListener.NONE).scan();
            return result.entries().stream().filter(e -> e.path().equals(HostPath.of("/bin/tool"))).findFirst().orElseThrow();
        }
    }

    @Test
    void userAttributesAndCapabilitiesAreRecordedAsAsked() throws Exception {
        Path tool = Files.createDirectories(dir.resolve("bin")).resolve("tool");
        Files.writeString(tool, "#!/bin/sh\n");
        UserDefinedFileAttributeView view = Files.getFileAttributeView(tool, UserDefinedFileAttributeView.class);
        assumeTrue(view != null && Files.getFileStore(tool).supportsFileAttributeView("user"), "no user xattrs here");
        view.write("note", ByteBuffer.wrap("hi".getBytes(StandardCharsets.US_ASCII)));
        boolean caps = new ProcessBuilder("setcap", "cap_net_raw+ep", tool.toString()).start().waitFor() == 0;

        FileEntry all = scanOne(EnumSet.of(Attribute.PERM, Attribute.XATTRS));
        assertEquals(HexFormat.of().formatHex("hi".getBytes(StandardCharsets.US_ASCII)), all.xattrs().get("user.note"));
        FileEntry none = scanOne(EnumSet.of(Attribute.PERM));
        assertEquals(Map.of(), none.xattrs());
        if (caps) {
            FileEntry onlyCaps = scanOne(EnumSet.of(Attribute.CAPS));
            assertEquals(java.util.Set.of("security.capability"), onlyCaps.xattrs().keySet());
            assertTrue(all.xattrs().containsKey("security.capability"));
        }
    }
}
