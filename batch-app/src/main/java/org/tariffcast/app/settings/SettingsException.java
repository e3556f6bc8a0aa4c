package org.tariffcast.app.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before anything starts when settings or command-line options are wrong: exit status 2. */
public class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<SettingProblem> problems;

  public SettingsException(List<SettingProblem> problems) {
    super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the settings:\n"
        + problems.stream().map(SettingProblem::message).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<SettingProblem> problems() {
    return problems;
  }
}
