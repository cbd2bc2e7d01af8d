/**
 * SSH access: the effective sshd_config (Includes expanded, Match blocks kept) and the keys in every
 * authorized keys file it points sshd at.
 */
package dev.ward.collect.ssh;
