package org.tariffcast.simulation;

import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A {@link DataInput} (big-endian, as {@link java.io.DataInputStream}) over a zlib stream held in
 * memory: the reading twin of {@link DeflatingDataOutput}. A byte read costs an array load, not a
 * synchronized call on a buffered stream.
 *
 * <p>Not thread-safe; call {@link #close()} to release the inflater's native memory.
 */
final class InflatingDataInput implements DataInput, AutoCloseable {
  private static final int BUFFER = 1 << 16;

  private final Inflater inflater = new Inflater();
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;

  InflatingDataInput(byte[] zlib) {
    inflater.setInput(zlib);
  }

  @Override
  public void close() {
    inflater.end();
  }

  /** Refills the buffer, keeping its unread bytes; at least {@code n} (at most BUFFER) available after. */
  private void need(int n) throws IOException {
    if (limit - position >= n) {
      return;
    }
    int left = limit - position;
    System.arraycopy(buffer, position, buffer, 0, left);
    position = 0;
    limit = left;
    try {
      while (limit < n) {
        int got = inflater.inflate(buffer, limit, BUFFER - limit);
        if (got == 0) {
          if (inflater.finished() || inflater.needsInput()) {
            throw new EOFException("the deflated data ends early (" + (n - limit) + " bytes missing)");
          }
          if (inflater.needsDictionary()) {
            throw new IOException("the deflated data asks for a preset dictionary");
          }
        }
        limit += got;
      }
    } catch (DataFormatException e) {
      throw new IOException("the deflated data is corrupt: " + e.getMessage(), e);
    }
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      need(1);
      int n = Math.min(len, limit - position);
      System.arraycopy(buffer, position, b, off, n);
      position += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public int skipBytes(int n) throws IOException {
    int skipped = 0;
    while (skipped < n) {
      need(1);
      int k = Math.min(n - skipped, limit - position);
      position += k;
      skipped += k;
    }
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readUnsignedByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    return (byte) readUnsignedByte();
  }

  @Override
  public int readUnsignedByte() throws IOException {
    if (position == limit) {
      need(1);
    }
    return buffer[position++] & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    return (short) readUnsignedShort();
  }

  @Override
  public int readUnsignedShort() throws IOException {
    need(2);
    int v = (buffer[position] & 0xFF) << 8 | (buffer[position + 1] & 0xFF);
    position += 2;
    return v;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readUnsignedShort();
  }

  @Override
  public int readInt() throws IOException {
    need(4);
    int v = (buffer[position] & 0xFF) << 24 | (buffer[position + 1] & 0xFF) << 16
        | (buffer[position + 2] & 0xFF) << 8 | (buffer[position + 3] & 0xFF);
    position += 4;
    return v;
  }

  @Override
  public long readLong() throws IOException {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (buffer[position + i] & 0xFF);
    }
    position += 8;
    return v;
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** Not used by the partial result format. */
  @Override
  public String readLine() {
    throw new UnsupportedOperationException("readLine: the partial result format holds no lines");
  }

  /** Standard UTF-8 with a two-byte length, as {@link DeflatingDataOutput#writeUTF} writes it. */
  @Override
  public String readUTF() throws IOException {
    byte[] b = new byte[readUnsignedShort()];
    readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
