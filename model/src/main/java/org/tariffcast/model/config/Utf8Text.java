package org.tariffcast.model.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a study file as UTF-8, strictly: the first byte that is not UTF-8 is a problem at its
 * line and column (a file saved as Windows-1252 or Latin-1 by a spreadsheet is the usual cause),
 * never a silent replacement character. A leading byte-order mark is dropped.
 */
final class Utf8Text {
  private Utf8Text() {}

  /** The text, or null after a located problem. */
  static String decode(String file, byte[] bytes, Problems problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
      StringBuilder found = new StringBuilder("the byte");
      int n = Math.max(1, Math.min(r.length(), 4));
      if (n > 1) {
        found.append('s');
      }
      for (int i = 0; i < n && at + i < bytes.length; i++) {
        found.append(String.format(" 0x%02X", bytes[at + i] & 0xFF));
      }
      problems.add(file, line, column, "file", "UTF-8 text (save the file as UTF-8)",
          found + ", which is not UTF-8");
      return null;
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
