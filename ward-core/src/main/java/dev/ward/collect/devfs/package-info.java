/** Files and hidden directories under /dev, where only device nodes belong. */
package dev.ward.collect.devfs;
