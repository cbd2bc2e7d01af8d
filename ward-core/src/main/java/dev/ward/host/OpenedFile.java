package dev.ward.host;

import java.io.IOException;
import java.io.InputStream;

/**
 * A regular file opened to read ({@link HostRoot#openFollowing}): its status when it was opened, of
 * the file a symlink led to, and its contents as a stream. Closing it closes the descriptor.
 */
public record OpenedFile(FileStat stat, InputStream contents) implements AutoCloseable {
    @Override
    public void close() throws IOException {
        contents.close();
    }
}
