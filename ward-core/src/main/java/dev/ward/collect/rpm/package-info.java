/** RPM hosts: installed files verified by rpm itself against its database. */
package dev.ward.collect.rpm;
