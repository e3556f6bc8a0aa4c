/** Negotiating levers: named numbers a study's expressions use and a sweep varies. */
package org.tariffcast.model.lever;
