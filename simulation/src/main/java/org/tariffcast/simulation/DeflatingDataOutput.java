package org.tariffcast.simulation;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * A {@link DataOutput} (big-endian, as {@link java.io.DataOutputStream}) that deflates what it is
 * given into a zlib stream held in memory. Unlike a {@code DataOutputStream} over a
 * {@code BufferedOutputStream} over a {@code DeflaterOutputStream}, a byte written costs an array
 * store, not a synchronized call: the partial results are written byte by byte (varints).
 *
 * <p>Not thread-safe; one use: write, then {@link #finish()}.
 */
final class DeflatingDataOutput implements DataOutput {
  private static final int BUFFER = 1 << 16;

  private final Deflater deflater;
  private final byte[] buffer = new byte[BUFFER];
  private final byte[] compressed = new byte[BUFFER];
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream(BUFFER);
  private int used;
  private long written;

  /** @param level the zlib compression level, 0 (stored) to 9 */
  DeflatingDataOutput(int level) {
    this.deflater = new Deflater(level);
  }

  /** Uncompressed bytes written so far. */
  long written() {
    return written + used;
  }

  /** Ends the stream and returns the zlib bytes; the deflater's native memory is released. */
  byte[] finish() {
    try {
      drain();
      deflater.finish();
      while (!deflater.finished()) {
        int n = deflater.deflate(compressed);
        sink.write(compressed, 0, n);
      }
      return sink.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private void drain() {
    if (used == 0) {
      return;
    }
    deflater.setInput(buffer, 0, used);
    while (!deflater.needsInput()) {
      int n = deflater.deflate(compressed);
      sink.write(compressed, 0, n);
    }
    written += used;
    used = 0;
  }

  private void room(int n) {
    if (BUFFER - used < n) {
      drain();
    }
  }

  @Override
  public void write(int b) {
    if (used == BUFFER) {
      drain();
    }
    buffer[used++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    while (len > 0) {
      if (used == BUFFER) {
        drain();
      }
      int n = Math.min(len, BUFFER - used);
      System.arraycopy(b, off, buffer, used, n);
      used += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    room(2);
    buffer[used++] = (byte) (v >>> 8);
    buffer[used++] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    room(4);
    buffer[used++] = (byte) (v >>> 24);
    buffer[used++] = (byte) (v >>> 16);
    buffer[used++] = (byte) (v >>> 8);
    buffer[used++] = (byte) v;
  }

  @Override
  public void writeLong(long v) {
    room(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[used++] = (byte) (v >>> shift);
    }
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    for (int i = 0; i < s.length(); i++) {
      write(s.charAt(i));
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  /** Standard UTF-8 with a two-byte length (not the modified UTF-8 of DataOutputStream: no text is written here). */
  @Override
  public void writeUTF(String s) throws UTFDataFormatException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xFFFF) {
      throw new UTFDataFormatException("string of " + b.length + " bytes, at most 65535");
    }
    writeShort(b.length);
    write(b);
  }
}
