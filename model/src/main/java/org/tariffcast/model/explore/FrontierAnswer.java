package org.tariffcast.model.explore;

import java.util.List;

/**
 * The frontier of a sweep ({@link Sweeps#frontier}): the grid points at which the target is met
 * with at least the frontier's probability, the best of them by the cost KPI, and the boundary
 * of that region drawn over the grid.
 *
 * @param meeting indices ({@link ExplorePlan#point} order) of the points whose estimated
 *     probability is at least the frontier's probability, ascending
 * @param surely the subset of {@code meeting} whose Wilson 95 % lower bound is at least that
 *     probability too (met beyond sampling error)
 * @param best the index of the meeting point with the best cost statistic, or -1 when none meets
 * @param boundary per value of the first lever (two-lever sweeps; empty for one lever): the value
 *     of the second lever at which the probability reaches the level, interpolated
 */
public record FrontierAnswer(Frontier frontier, List<Integer> meeting, List<Integer> surely, int best,
    List<BoundaryPoint> boundary) {
  /**
   * A point of the frontier's boundary: at first-lever value {@code x}, the target is met with
   * the required probability from second-lever value {@code y} on (reading the second lever
   * upwards from its first grid value).
   *
   * @param kind {@link Kind#CROSSES}: {@code y} interpolated between two grid values;
   *     {@link Kind#ALREADY}: met from the grid's first value ({@code y} is that value);
   *     {@link Kind#NEVER}: not met anywhere on the grid at this {@code x} ({@code y} is NaN)
   */
  public record BoundaryPoint(double x, double y, Kind kind) {}

  /** How a column of the grid meets the level. */
  public enum Kind {
    CROSSES, ALREADY, NEVER
  }

  public FrontierAnswer {
    meeting = List.copyOf(meeting);
    surely = List.copyOf(surely);
    boundary = List.copyOf(boundary);
  }
}
