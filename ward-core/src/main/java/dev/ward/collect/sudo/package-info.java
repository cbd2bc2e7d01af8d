/**
 * sudo: /etc/sudoers and its includes, parsed into user specifications and Defaults, aliases
 * expanded one level.
 */
package dev.ward.collect.sudo;
