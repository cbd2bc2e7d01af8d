package dev.ward.host;

/**
 * The read loop behind {@link HostRoot#readSparse}: a file's data extents read through
 * {@link Chunks}, its holes (ranges the filesystem stores no blocks for, which read as zeros)
 * handed on as lengths without a read, found with lseek(2) {@code SEEK_DATA} and {@code SEEK_HOLE}.
 *
 * <p>A filesystem without holes answers as if the whole file were data (SEEK_DATA gives the offset
 * asked, SEEK_HOLE the end of the file), and is read through. {@code ENXIO} from SEEK_DATA means
 * that only a hole is left up to the end. Any other error ({@code EINVAL} where the filesystem has
 * no such seek, as /proc's files and kernels before 3.1) makes the rest of the file read as data.
 * A file of size 0 is read to its end all the same: one being written as it is read has a size
 * fstat saw before, and SEEK_DATA at its end fails with ENXIO.
 */
final class Extents {
    private Extents() {
    }

    /**
     * Hands the file's first {@code size} bytes (what fstat said) to the consumer, in order, until
     * it says stop or the file ends early; returns how many it was given, holes included.
     */
    static long readAll(int fd, HostPath path, long size, HostRoot.SparseConsumer consumer) throws HostException {
        if (size == 0) {
            return Chunks.read(fd, path, 0, 0, consumer::data);
        }
        long at = 0;
        while (at < size) {
            long data = Libc.lseek(fd, at, Libc.SEEK_DATA);
            data = data == -Libc.ENXIO ? size : data < at ? at : Math.min(data, size);
            if (data > at && !consumer.hole(data - at)) {
                return data;
            }
            if (data == size) {
                return size;
            }
            long hole = Libc.lseek(fd, data, Libc.SEEK_HOLE);
            long end = hole <= data ? size : Math.min(hole, size);
            long n = Chunks.read(fd, path, data, end, consumer::data);
            at = data + n;
            if (at < end) {
                return at; // stopped, or the file is shorter than it was
            }
        }
        return at;
    }
}
