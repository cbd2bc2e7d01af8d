/** Accounts: /etc/passwd and /etc/shadow parsed purely, joined, and told where each account came from. */
package dev.ward.collect.accounts;
