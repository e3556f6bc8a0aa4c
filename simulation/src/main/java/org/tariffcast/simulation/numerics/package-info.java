/** Portable elementary functions: the same bits on every JVM and CPU. */
package org.tariffcast.simulation.numerics;
