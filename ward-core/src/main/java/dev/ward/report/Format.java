package dev.ward.report;

import java.util.Locale;

/**
 * The output formats of {@code --format}. Colour and width matter only to {@link #TEXT}; the
 * caller decides them (colour when stdout is a terminal and {@code NO_COLOR} is unset, width from
 * the terminal), so this stays free of any terminal probing.
 */
public enum Format {
    TEXT("txt"),
    JSON("json"),
    NDJSON("ndjson"),
    HTML("html");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    /** The usual file-name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name {@code --format} takes: {@code text}, {@code json}, {@code ndjson}, {@code html}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Reporter reporter(boolean colour, int width) {
        return switch (this) {
            case TEXT -> new TextReporter(colour, width);
            case JSON -> new JsonReporter();
            case NDJSON -> new NdjsonReporter();
            case HTML -> new HtmlReporter();
        };
    }

    /** Without colour, {@link TextReporter#DEFAULT_WIDTH} columns: for files and pipes. */
    public Reporter reporter() {
        return reporter(false, TextReporter.DEFAULT_WIDTH);
    }

    /** Parses {@code text|json|ndjson|html}, in any case. */
    public static Format parse(String text) {
        for (Format f : values()) {
            if (f.label().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (expected text, json, ndjson or html)");
    }
}
