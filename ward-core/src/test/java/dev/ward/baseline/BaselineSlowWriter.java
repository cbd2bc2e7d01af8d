package dev.ward.baseline;

import java.nio.file.Path;

/**
 * A child process for the crash test: writes entries to {@code args[0]} forever, slowly, printing
 * "writing" once its temporary file holds rows, so the parent can kill it mid-write.
 */
public final class BaselineSlowWriter {
    private BaselineSlowWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (BaselineWriter w = BaselineWriter.create(Path.of(args[0]), BaselineFixtures.INFO, null)) {
            for (long i = 0; ; i++) {
                w.add(BaselineFixtures.file(BaselineFixtures.numbered(i), i));
                if (i == 20_000) {
                    System.out.println("writing");
                    System.out.flush();
                }
                if (i > 20_000) {
                    Thread.sleep(1);
                }
            }
        }
    }
}
