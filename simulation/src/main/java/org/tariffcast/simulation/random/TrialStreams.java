package org.tariffcast.simulation.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * The random streams of a run. Trial {@code i} owns one stream per {@link Purpose}, an
 * XoRoShiRo128++ generator whose 128-bit state is two outputs of the SplitMix64 finaliser at
 * positions derived from {@code (seed, i, purpose)}: its numbers depend on nothing else, so a
 * trial gives the same results on any thread, in any partition, on any machine, after any
 * restart. Distinct {@code (i, purpose)} give distinct states (the finaliser is a bijection of
 * 64-bit words and the positions differ).
 */
public final class TrialStreams {
  /** What a stream is used for; separate streams keep, e.g., the shocks unchanged when the sampling method changes. */
  public enum Purpose {
    /** Uniforms for parameter sampling (random method, LHS jitter, Sobol dimensions past the table). */
    PARAMETERS(0),
    /** Demand shocks and lumpy deliveries, shared by every scenario of the trial (common random numbers). */
    SHOCKS(1),
    /** The outlook's choice of scenario. */
    OUTLOOK(2);

    final int code;

    Purpose(int code) {
      this.code = code;
    }
  }

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private TrialStreams() {}

  /** The stream of trial {@code trial} (>= 0) for {@code purpose} under master seed {@code seed}. */
  public static UniformRandomProvider of(long seed, long trial, Purpose purpose) {
    if (trial < 0) {
      throw new IllegalArgumentException("trial must be >= 0, found " + trial);
    }
    long base = mix(seed ^ 0x5DEECE66DL);
    long k = trial * 4 + purpose.code;
    long s0 = mix(base + (2 * k + 1) * GOLDEN);
    long s1 = mix(base + (2 * k + 2) * GOLDEN);
    if ((s0 | s1) == 0) {
      s1 = GOLDEN;
    }
    return new XoRoShiRo128PlusPlus(s0, s1);
  }

  /**
   * A 64-bit key for an indexed component of a run, e.g. the permutation of LHS dimension
   * {@code index} ({@code domain} names the use). Depends on {@code (seed, domain, index)} only.
   */
  public static long key(long seed, long domain, long index) {
    return mix(mix(seed + GOLDEN * (domain + 1)) ^ mix(index * GOLDEN + domain));
  }

  /** The SplitMix64 finaliser (Stafford's variant 13): a bijection with good avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform draw strictly inside (0, 1): 53 random bits, centred in their cell. */
  public static double openUniform(UniformRandomProvider rng) {
    return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
  }
}
