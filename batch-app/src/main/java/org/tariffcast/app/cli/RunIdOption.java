package org.tariffcast.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --run ID} option of the commands that act on one run (a picocli mixin). */
final class RunIdOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;
  long id;

  @Option(names = "--run", paramLabel = "ID", required = true, description = "the run's id (see history)")
  void id(long value) {
    id = Ranges.positive(mixee, "--run", value);
  }
}
