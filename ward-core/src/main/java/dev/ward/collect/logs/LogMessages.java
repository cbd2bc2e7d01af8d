package dev.ward.collect.logs;

import dev.ward.model.AdminEvent;
import dev.ward.model.LogEvent;
import dev.ward.model.LoginEvent;
import java.util.function.Consumer;

/**
 * The login events and administrative actions of each line of the logs, whichever program wrote
 * it. One of these reads a run of logs in order: PostgreSQL ties a failure to its address through
 * an earlier line ({@link PostgresMessages}); the others are pure.
 */
final class LogMessages {
    private final PostgresMessages postgres = new PostgresMessages();

    void events(SyslogLine l, String file, long at, Consumer<LogEvent> out) {
        if (SshdMessages.isSshd(l.program())) {
            SshdMessages.events(l, file, at, out);
            return;
        }
        if (AdminMessages.PROGRAMS.contains(l.program())) {
            AdminEvent e = AdminMessages.event(l, file, at);
            if (e != null) {
                out.accept(e);
            }
        }
        LoginEvent login = PostgresMessages.isPostgres(l.program()) ? postgres.event(l, file, at)
                : ServiceMessages.event(l, file, at);
        if (login != null) {
            out.accept(login);
        }
    }
}
