package org.tariffcast.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Argument checks whose messages name the argument and the value found. */
public final class Checks {
  private Checks() {}

  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  public static String notBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, found '" + value + "'");
    }
    return value;
  }

  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, found " + value);
    }
    return value;
  }

  public static double notNaN(double value, String name) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(name + " must be a number, found NaN");
    }
    return value;
  }

  public static double nonNegative(double value, String name) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0, found " + value);
    }
    return value;
  }

  public static double positive(double value, String name) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be > 0, found " + value);
    }
    return value;
  }

  public static double fraction(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be a fraction in [0, 1], found " + value);
    }
    return value;
  }

  public static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, found " + value);
    }
    return value;
  }

  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, found " + value);
    }
    return value;
  }

  public static <T> List<T> copy(List<T> list, String name) {
    notNull(list, name);
    if (list.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(name + " must not contain null elements");
    }
    return List.copyOf(list);
  }

  public static <K, V> Map<K, V> copy(Map<K, V> map, String name) {
    notNull(map, name);
    return Map.copyOf(map);
  }

  public static <T> void noDuplicates(Collection<T> values, String name) {
    java.util.Set<T> seen = new java.util.HashSet<>();
    for (T v : values) {
      if (!seen.add(v)) {
        throw new IllegalArgumentException(name + " must not contain duplicates, found '" + v + "' twice");
      }
    }
  }

  /**
   * The constant of {@code type} whose lower-case name equals {@code text} (trimmed, any case),
   * or null: how configuration words such as {@code lhs} or {@code final_year} become enums.
   */
  public static <E extends Enum<E>> E byLabel(Class<E> type, String text) {
    String t = text == null ? "" : text.trim();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(t)) {
        return e;
      }
    }
    return null;
  }
}
