package org.tariffcast.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/**
 * The partial result's own DataOutput/DataInput against the JDK's DataOutputStream/DataInputStream
 * over DeflaterOutputStream/InflaterInputStream (the chain it replaced): the same uncompressed bytes
 * in either direction, whatever the zlib level, across the 64 KiB buffer boundary.
 */
class DeflatedDataStreamsTest {

  /** Writes a fixed mix of every primitive used by the format, 30,000 rounds (past one 64 KiB buffer). */
  private static void writeMix(java.io.DataOutput out) throws IOException {
    for (int i = 0; i < 30_000; i++) {
      out.writeByte(i);
      out.writeBoolean(i % 3 == 0);
      out.writeInt(i * 0x9E3779B1);
      out.writeLong(i * 0x9E3779B97F4A7C15L);
      out.writeDouble(i / 7.0 - 1e300 * (i % 2));
      out.writeShort(i);
    }
  }

  private static void readMix(java.io.DataInput in) throws IOException {
    for (int i = 0; i < 30_000; i++) {
      assertThat(in.readUnsignedByte()).isEqualTo(i & 0xFF);
      assertThat(in.readBoolean()).isEqualTo(i % 3 == 0);
      assertThat(in.readInt()).isEqualTo(i * 0x9E3779B1);
      assertThat(in.readLong()).isEqualTo(i * 0x9E3779B97F4A7C15L);
      assertThat(Double.doubleToRawLongBits(in.readDouble()))
          .isEqualTo(Double.doubleToRawLongBits(i / 7.0 - 1e300 * (i % 2)));
      assertThat(in.readShort()).isEqualTo((short) i);
    }
  }

  private static byte[] inflate(byte[] zlib) throws IOException {
    return new InflaterInputStream(new ByteArrayInputStream(zlib)).readAllBytes();
  }

  @Test
  void writesWhatDataOutputStreamWritesAndTheJdkReadsIt() throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    writeMix(new DataOutputStream(plain));
    for (int level : new int[] {Deflater.NO_COMPRESSION, Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION}) {
      DeflatingDataOutput out = new DeflatingDataOutput(level);
      writeMix(out);
      assertThat(out.written()).isEqualTo(plain.size());
      byte[] zlib = out.finish();
      assertThat(inflate(zlib)).isEqualTo(plain.toByteArray());
      readMix(new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(zlib))));
    }
  }

  @Test
  void readsWhatTheOldChainWroteAtTheDefaultLevel() throws IOException {
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(zlib))) {
      writeMix(out);
    }
    try (InflatingDataInput in = new InflatingDataInput(zlib.toByteArray())) {
      readMix(in);
    }
  }

  @Test
  void aTruncatedStreamEndsWithAnError() throws IOException {
    DeflatingDataOutput out = new DeflatingDataOutput(Deflater.BEST_SPEED);
    writeMix(out);
    byte[] zlib = out.finish();
    try (InflatingDataInput in = new InflatingDataInput(Arrays.copyOf(zlib, zlib.length / 2))) {
      assertThatThrownBy(() -> readMix(in)).isInstanceOf(EOFException.class);
    }
  }
}
