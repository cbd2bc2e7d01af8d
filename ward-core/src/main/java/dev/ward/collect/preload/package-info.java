/** Libraries forced into every process (ld.so.preload, LD_PRELOAD and LD_AUDIT) and the loader's extra library directories. */
package dev.ward.collect.preload;
