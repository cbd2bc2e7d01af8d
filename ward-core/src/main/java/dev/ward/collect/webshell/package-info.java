/** Web-shell code in server-side scripts under web roots. */
package dev.ward.collect.webshell;
