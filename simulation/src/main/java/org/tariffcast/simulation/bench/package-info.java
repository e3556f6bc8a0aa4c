/** The engine benchmark: a generated study and a main class that reports speed and memory. */
package org.tariffcast.simulation.bench;
