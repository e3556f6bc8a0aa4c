package org.tariffcast.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Range checks of option values: a value out of range is a usage error (exit 2) before anything starts. */
final class Ranges {
  private Ranges() {}

  static long positive(CommandSpec spec, String option, long value) {
    return between(spec, option, value, 1, Long.MAX_VALUE);
  }

  static long between(CommandSpec spec, String option, long value, long min, long max) {
    if (value < min || value > max) {
      String range = max == Long.MAX_VALUE ? "a whole number >= " + min : "a whole number from " + min + " to " + max;
      throw new ParameterException(spec.commandLine(), option + ": expected " + range + ", found " + value);
    }
    return value;
  }
}
