package dev.ward.host;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A program of the analyst's machine run without a shell, for the few sources only their own tool
 * reads (the RPM database, the systemd journal). Arguments go to execve as they are; output is
 * read as a stream. The time limit applies once the program has closed its output.
 */
public final class Program {
    private static final List<String> PATH = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin");

    /** What the program printed and how it ended. */
    public record Output(int status, byte[] stdout, String stderr) {
    }

    private final Path executable;

    private Program(Path executable) {
        this.executable = executable;
    }

    /** The named program from the usual system directories (not $PATH, which the caller's shell set), if there. */
    public static Optional<Program> find(String name) {
        return PATH.stream().map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst().map(Program::new);
    }

    /** Reads a program's standard output as it comes. */
    @FunctionalInterface
    public interface OutputReader {
        void read(InputStream out) throws IOException;
    }

    /** Runs it with {@code args}, its whole output kept (for short outputs); killed after {@code timeoutSeconds}. */
    public Output run(List<String> args, long timeoutSeconds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Output o = stream(args, timeoutSeconds, in -> in.transferTo(out));
        return new Output(o.status(), out.toByteArray(), o.stderr());
    }

    /**
     * Runs it with {@code args}, handing its standard output to {@code reader} as a stream, so
     * output of any size is never held whole; killed after {@code timeoutSeconds}. Returns its exit
     * status and what it wrote to standard error.
     */
    public Output stream(List<String> args, long timeoutSeconds, OutputReader reader) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(args);
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (InputStream out = p.getInputStream()) {
            reader.read(out);
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(executable + ": still running after " + timeoutSeconds + " s; stopped");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(executable + ": interrupted", e);
        }
        return new Output(p.exitValue(), new byte[0], new String(err.join(), UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
