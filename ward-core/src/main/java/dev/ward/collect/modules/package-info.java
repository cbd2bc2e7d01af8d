/** Kernel modules loaded at boot through modules-load.d and /etc/modules. */
package dev.ward.collect.modules;
