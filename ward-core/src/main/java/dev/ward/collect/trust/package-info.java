/**
 * Host-based trust: hosts.equiv, shosts.equiv, .rhosts and .shosts, read as ruserok(3) and sshd's
 * HostbasedAuthentication read them.
 */
package dev.ward.collect.trust;
