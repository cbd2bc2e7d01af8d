package dev.ward.model;

/**
 * One setting of a sudoers {@code Defaults} line.
 *
 * @param binding  what follows "Defaults" ({@code :user}, {@code @host}, {@code >runas}, {@code !cmnd}); empty when global
 * @param name     the option, without a leading '!'
 * @param operator "=", "+=", "-=", or empty for a flag
 * @param negated  the flag was written {@code !name}
 */
public record SudoDefault(
        String path, int line, String binding, String name, String operator, String value,
        boolean negated, String text) {
}
