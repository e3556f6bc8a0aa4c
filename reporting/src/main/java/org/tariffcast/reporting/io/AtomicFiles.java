package org.tariffcast.reporting.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that its final name only ever holds complete content: the bytes go to a
 * temporary file in the same folder, which is flushed to disk and then moved over the final
 * name (atomically where the file system allows, otherwise replacing it). If the body fails,
 * the temporary file is deleted and the final name is left as it was.
 */
public final class AtomicFiles {
  /** Suffix of the temporary files; a crash may leave one behind, never a final name. */
  public static final String TEMP_SUFFIX = ".tmp";

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /** Something that writes the whole content of a file to a stream. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code body} to {@code target} as described above. */
  public static Path write(Path target, Body body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = null;
    boolean moved = false;
    try {
      FileChannel opened = null;
      while (opened == null) {
        // CREATE_NEW honours the umask (createTempFile would leave the report readable by its owner only)
        temp = dir.resolve("." + target.getFileName() + "-" + Long.toHexString(RANDOM.nextLong()) + TEMP_SUFFIX);
        try {
          opened = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
          temp = null;
        }
      }
      try (FileChannel channel = opened) {
        OutputStream out = Channels.newOutputStream(channel);
        body.writeTo(new NonClosingStream(out));
        out.flush();
        channel.force(true);
      }
      move(temp, target);
      moved = true;
      return target;
    } finally {
      if (!moved && temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Writes bytes to {@code target} as described above. */
  public static Path write(Path target, byte[] content) throws IOException {
    return write(target, out -> out.write(content));
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Keeps a body (e.g. POI's workbook writer) from closing the channel before it is forced. */
  private static final class NonClosingStream extends java.io.FilterOutputStream {
    NonClosingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
