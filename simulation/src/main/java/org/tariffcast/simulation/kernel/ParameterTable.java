package org.tariffcast.simulation.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.distribution.Parameter;

/**
 * Resolves every use of a parameter to a reference: a non-negative reference is the index of
 * an uncertain parameter in a trial's draw vector (in {@code StudyPlan.sampledParameters}, by name,
 * so two uses of one name share one draw); a negative one names a known constant.
 */
final class ParameterTable {
  private final Map<String, Integer> uncertain = new HashMap<>();
  private final List<Double> constants = new ArrayList<>();
  private final List<String> constantNames = new ArrayList<>();
  private final List<Parameter> uncertainList;

  ParameterTable(List<Parameter> uncertainParameters) {
    this.uncertainList = List.copyOf(uncertainParameters);
    for (int i = 0; i < uncertainParameters.size(); i++) {
      uncertain.put(uncertainParameters.get(i).name(), i);
    }
  }

  int ref(Parameter p) {
    Integer i = uncertain.get(p.name());
    if (i != null) {
      return i;
    }
    if (p.isUncertain()) {
      throw new IllegalArgumentException("parameter '" + p.name() + "' is uncertain but not among the sampled ones");
    }
    constants.add(p.central());
    constantNames.add(p.name());
    return -constants.size();
  }

  double[] constants() {
    double[] c = new double[constants.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = constants.get(i);
    }
    return c;
  }

  String name(int ref) {
    return ref >= 0 ? uncertainList.get(ref).name() : constantNames.get(-ref - 1);
  }
}
