/** Cron, anacron, incron and at: table parsing ({@link dev.ward.collect.cron.CronParser}) and the collector of every scheduled command. */
package dev.ward.collect.cron;
