/** Scripts run at boot, login or shell start: rc.local, init.d, update-motd.d, profile and rc files. */
package dev.ward.collect.script;
