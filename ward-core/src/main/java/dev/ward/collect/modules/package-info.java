/** Kernel modules loaded at boot through modules-load.d and /etc/modules, and modprobe.d install/remove commands. */
package dev.ward.collect.modules;
