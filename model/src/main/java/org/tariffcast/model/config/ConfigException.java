package org.tariffcast.model.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a configuration has problems; carries every one of them, sorted by location. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(render(problems));
    this.problems = problems.stream().sorted().distinct().toList();
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(List<ConfigProblem> problems) {
    return problems.size() + " configuration problem" + (problems.size() == 1 ? "" : "s") + ":\n"
        + problems.stream().sorted().distinct().map(ConfigProblem::message).collect(Collectors.joining("\n"));
  }
}
