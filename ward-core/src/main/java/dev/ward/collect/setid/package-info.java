/** Set-user-id and set-group-id programs anywhere on the root filesystem. */
package dev.ward.collect.setid;
