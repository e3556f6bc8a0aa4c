package org.tariffcast.app.explore;

import java.util.List;
import org.tariffcast.model.explore.GridPoint;

/** Writes a finished sweep's reports (a bean; none registered: the sweep is stored only). */
public interface ExploreReportWriter {
  void write(long sweepId, ExploreContexts.Sweep sweep, List<GridPoint> points) throws Exception;
}
