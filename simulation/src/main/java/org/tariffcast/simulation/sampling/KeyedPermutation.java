package org.tariffcast.simulation.sampling;

import org.tariffcast.simulation.random.TrialStreams;

/**
 * A pseudo-random permutation of {@code 0..size-1} computed index by index, without storing
 * it: a balanced Feistel network on the smallest even number of bits that covers
 * {@code size}, restricted to {@code [0, size)} by cycle walking. A Feistel network is a
 * bijection whatever its round function, and cycle walking keeps it one on the subset, so
 * {@link #apply} hits every value exactly once. Memory is constant in {@code size}.
 */
public final class KeyedPermutation {
  private static final int ROUNDS = 6;
  private final long size;
  private final int halfBits;
  private final long halfMask;
  private final long[] roundKeys;

  private KeyedPermutation(long size, long key) {
    if (size < 1) {
      throw new IllegalArgumentException("permutation size must be >= 1, found " + size);
    }
    this.size = size;
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1));
    bits = Math.max(2, bits + (bits & 1));
    this.halfBits = bits / 2;
    this.halfMask = (1L << halfBits) - 1;
    this.roundKeys = new long[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      roundKeys[r] = TrialStreams.mix(key + 0x632BE59BD9B4E019L * (r + 1));
    }
  }

  public static KeyedPermutation of(long size, long key) {
    return new KeyedPermutation(size, key);
  }

  public long size() {
    return size;
  }

  /** The image of {@code index} in {@code [0, size)}. */
  public long apply(long index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("index must be in [0, " + size + "), found " + index);
    }
    long x = index;
    do {
      x = feistel(x);
    } while (x >= size);
    return x;
  }

  private long feistel(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (int r = 0; r < ROUNDS; r++) {
      long f = TrialStreams.mix(right ^ roundKeys[r]) & halfMask;
      long next = left ^ f;
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }
}
