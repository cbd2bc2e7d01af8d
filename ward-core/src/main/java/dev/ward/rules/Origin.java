package dev.ward.rules;

/** A place in a rule file: the file name as given (or as included) and the 1-based line number. */
public record Origin(String file, int line) {
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
