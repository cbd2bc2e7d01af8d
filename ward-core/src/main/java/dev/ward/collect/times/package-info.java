/** Files by their times: which were modified, changed, read or born within a window. */
package dev.ward.collect.times;
