/** Programs, libraries and modules in system directories that no package installed. */
package dev.ward.collect.unowned;
