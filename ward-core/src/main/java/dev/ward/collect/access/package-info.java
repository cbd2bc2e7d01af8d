/**
 * What the access checks (host trust, SSH keys, sudo) share: the accounts of /etc/passwd, in the
 * small form they need.
 */
package dev.ward.collect.access;
