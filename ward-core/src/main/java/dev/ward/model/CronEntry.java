package dev.ward.model;

import java.time.Instant;

/**
 * One command cron, anacron, incron or atd will run: a table line, a line of a run-parts script
 * ({@code /etc/cron.daily/*}), or a line of a queued {@code at} job; or an environment line of a
 * table, which changes how the commands after it run.
 *
 * @param kind        {@code system} (/etc/crontab, cron.d: has a user field), {@code anacron},
 *                    {@code incron}, {@code env} (an environment line of a table, command
 *                    {@code NAME=value}, no schedule), {@code user} (a spool
 *                    crontab), {@code script} (cron.hourly..monthly) or {@code at}
 * @param user        who runs it; for spool files and at jobs the file's owner or name
 * @param schedule    the five time fields or an {@code @reboot}-style keyword; for scripts the
 *                    directory's period ({@code daily}); for at jobs {@code at}; for anacron
 *                    "period delay"; for incron "path mask"
 * @param packageName the package that installed the file, or null when none did
 */
public record CronEntry(String path, int line, String kind, String user, String schedule, String command,
                        String packageName, Instant mtime) {
}
