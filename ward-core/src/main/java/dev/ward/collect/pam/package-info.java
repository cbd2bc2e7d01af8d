/** PAM stacks of /etc/pam.d, each module located in the root. */
package dev.ward.collect.pam;
