/**
 * How a session is wired: building cells through the build cache, running them under their
 * emulators, reference runs. {@code dev.wasrisc.Wasrisc} puts it together and its guest programs
 * and binaries use it through {@link dev.wasrisc.session.CellBuilds} and {@link
 * dev.wasrisc.session.CellRuns}; nothing here knows the public types built on it, so the two
 * layers do not reach each other both ways.
 */
package dev.wasrisc.session;
