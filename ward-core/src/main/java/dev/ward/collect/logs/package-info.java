/** Log files read through the root: syslog-style text logs and the login events in them. */
package dev.ward.collect.logs;
