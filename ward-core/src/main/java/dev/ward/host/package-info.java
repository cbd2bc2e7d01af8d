/**
 * The host layer: the only code that touches the operating system. {@link dev.ward.host.HostRoot}
 * reads files of the live host or of a mounted image through openat2(2) with RESOLVE_IN_ROOT;
 * {@link dev.ward.host.HostPath} keeps names as bytes; libc and kernel calls the JDK cannot make
 * (openat2, statx, getdents64, readlinkat, read with O_NOATIME) are bound with the FFM API.
 */
package dev.ward.host;
