/**
 * sudo: /etc/sudoers and its includes, parsed into user specifications and Defaults, aliases
 * expanded.
 */
package dev.ward.collect.sudo;
