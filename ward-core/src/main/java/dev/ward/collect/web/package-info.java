/** Web servers' access logs: who asked for what, and what came of it. */
package dev.ward.collect.web;
