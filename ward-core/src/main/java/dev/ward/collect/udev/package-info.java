/** Programs run by udev rules on device events. */
package dev.ward.collect.udev;
