package org.tariffcast.model.config;

import static org.tariffcast.model.Checks.notNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact text of every configuration file a run read, by path relative to the study
 * folder, and its SHA-256: the hash of, for each file in path order, the path, a NUL, the
 * UTF-8 length, a NUL, the content. The same files give the same hash on any machine.
 */
public record ConfigSnapshot(Map<String, String> files, String sha256) {
  public ConfigSnapshot {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(notNull(files, "snapshot files")));
    if (!hash(files).equals(sha256)) {
      throw new IllegalArgumentException("snapshot sha256 does not match its files: expected " + hash(files)
          + ", found " + sha256);
    }
  }

  public static ConfigSnapshot of(Map<String, String> files) {
    return new ConfigSnapshot(files, hash(files));
  }

  /** SHA-256 in lower-case hex of the files as described above. */
  public static String hash(Map<String, String> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
        byte[] content = e.getValue().getBytes(StandardCharsets.UTF_8);
        md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Integer.toString(content.length).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(content);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
