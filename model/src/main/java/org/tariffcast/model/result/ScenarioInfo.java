package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.fraction;
import static org.tariffcast.model.Checks.notBlank;

/** A scenario as results list it: name, outlook weight, description. */
public record ScenarioInfo(String name, double probability, String description) {
  public ScenarioInfo {
    notBlank(name, "scenario name");
    fraction(probability, "probability of " + name);
    description = description == null ? "" : description;
  }
}
