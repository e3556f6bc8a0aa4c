package org.tariffcast.simulation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** TEMPORARY stub of the engine API (branch sim owns the real one): sums over a trial range. */
public final class PartialResult {
  final long from;
  final long to;
  final double sum;
  final double sumSq;

  PartialResult(long from, long to, double sum, double sumSq) {
    this.from = from;
    this.to = to;
    this.sum = sum;
    this.sumSq = sumSq;
  }

  public long fromTrial() {
    return from;
  }

  public long toTrial() {
    return to;
  }

  public PartialResult merge(PartialResult next) {
    if (next.from != to) {
      throw new IllegalArgumentException("not adjacent: " + to + " and " + next.from);
    }
    return new PartialResult(from, next.to, sum + next.sum, sumSq + next.sumSq);
  }

  public byte[] toBytes() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.writeLong(from);
      out.writeLong(to);
      out.writeDouble(sum);
      out.writeDouble(sumSq);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  public static PartialResult fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return new PartialResult(in.readLong(), in.readLong(), in.readDouble(), in.readDouble());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
