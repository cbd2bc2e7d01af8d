/** Orchestration: collect, detect and report, for each command that runs checks. */
package dev.ward.run;
