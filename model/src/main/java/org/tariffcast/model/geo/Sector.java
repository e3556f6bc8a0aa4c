package org.tariffcast.model.geo;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notBlank;

import java.util.List;

/**
 * A product group whose flows share one market and one set of elasticities.
 *
 * @param code short upper-case identifier, e.g. {@code ELEC}
 * @param name the name a reader sees, e.g. {@code Electrical machinery and electronics}
 * @param hsCodes the Harmonized System chapters or headings it covers, e.g. {@code ["85"]}
 */
public record Sector(String code, String name, List<String> hsCodes) {
  public Sector {
    notBlank(code, "sector code");
    if (!code.matches("[A-Z][A-Z0-9_]{0,23}")) {
      throw new IllegalArgumentException(
          "sector code must be 1-24 upper-case letters, digits or '_', starting with a letter, found '" + code + "'");
    }
    notBlank(name, "sector name");
    hsCodes = copy(hsCodes, "sector hsCodes");
    for (String hs : hsCodes) {
      if (!hs.matches("\\d{2}(\\d{2}){0,2}")) {
        throw new IllegalArgumentException(
            "sector hsCodes must be HS chapters, headings or subheadings (2, 4 or 6 digits), found '" + hs + "' in sector " + code);
      }
    }
  }

  public static Sector of(String code, String name, List<String> hsCodes) {
    return new Sector(code, name, hsCodes);
  }

  public static Sector of(String code, String name, String... hsCodes) {
    return new Sector(code, name, List.of(hsCodes));
  }
}
