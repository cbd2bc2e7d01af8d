/** Libraries forced into every process: /etc/ld.so.preload and LD_PRELOAD in /etc/environment. */
package dev.ward.collect.preload;
