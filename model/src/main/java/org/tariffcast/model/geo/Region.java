package org.tariffcast.model.geo;

import static org.tariffcast.model.Checks.notBlank;

/**
 * A trading region: a country (US, VN) or an aggregate (ASEAN-other, rest of world).
 *
 * @param code short upper-case identifier used in every file and table, e.g. {@code VN}
 * @param name the name a reader sees, e.g. {@code Vietnam}
 */
public record Region(String code, String name) {
  public Region {
    notBlank(code, "region code");
    if (!code.matches("[A-Z][A-Z0-9_]{0,15}")) {
      throw new IllegalArgumentException(
          "region code must be 1-16 upper-case letters, digits or '_', starting with a letter, found '" + code + "'");
    }
    notBlank(name, "region name");
  }

  public static Region of(String code, String name) {
    return new Region(code, name);
  }
}
