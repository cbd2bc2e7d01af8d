/** dpkg's database read through the root: which package installed which path. */
package dev.ward.collect.dpkg;
