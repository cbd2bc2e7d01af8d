/**
 * Detection: {@link dev.ward.detect.Detector} for checks that need Java, and
 * {@link dev.ward.detect.Results} where findings and collection errors are gathered.
 */
package dev.ward.detect;
