package dev.ward.cli.options;

import dev.ward.collect.times.TimeWindow;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** An option's DURATION ("90s", "10m", "24h", "7d"), or a usage error naming the option. */
public final class Durations {
    private Durations() {
    }

    public static Duration parse(CommandSpec spec, String option, String text) {
        try {
            return TimeWindow.duration(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
