package org.tariffcast.app.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.PointKpi;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Window;

/**
 * A grid point as text, one record per line, fields separated by tabs (tab, newline and
 * backslash escaped in names); numbers as {@link Double#toString}, which reads back to the same
 * double: a point decoded equals the point encoded.
 */
public final class GridPointCodec {
  static final String HEADER = "gridpoint 1";

  private GridPointCodec() {}

  public static String encode(GridPoint p) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    b.append("index\t").append(p.index()).append('\n');
    b.append("trials\t").append(p.trials()).append('\n');
    p.levers().forEach((k, v) -> b.append("lever\t").append(esc(k)).append('\t').append(v).append('\n'));
    for (PointKpi k : p.kpis()) {
      KpiKey key = k.key();
      Statistics s = k.stats();
      b.append("kpi\t").append(esc(key.scenario())).append('\t').append(key.metric().name()).append('\t')
          .append(esc(key.breakdown())).append('\t').append(key.window().name()).append('\t')
          .append(key.measure().name()).append('\t').append(s.count()).append('\t').append(s.mean()).append('\t')
          .append(s.sd()).append('\t').append(s.standardError()).append('\t').append(s.min()).append('\t')
          .append(s.max());
      for (double v : s.percentiles().toArray()) {
        b.append('\t').append(v);
      }
      b.append('\t').append(s.percentileError()).append('\t').append(k.medianCiLow()).append('\t')
          .append(k.medianCiHigh()).append('\n');
    }
    for (TargetProbability t : p.targets()) {
      b.append("target\t").append(esc(t.target())).append('\t').append(esc(t.scenario())).append('\t')
          .append(t.probability()).append('\t').append(t.ciLow()).append('\t').append(t.ciHigh()).append('\t')
          .append(t.trials()).append('\n');
    }
    return b.toString();
  }

  public static GridPoint decode(String text) {
    String[] lines = text.split("\n");
    if (lines.length == 0 || !lines[0].equals(HEADER)) {
      throw new IllegalArgumentException("not a grid point (expected '" + HEADER + "' first)");
    }
    int index = -1;
    long trials = 0;
    Map<String, Double> levers = new LinkedHashMap<>();
    List<PointKpi> kpis = new ArrayList<>();
    List<TargetProbability> targets = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t", -1);
      switch (f[0]) {
        case "index" -> index = Integer.parseInt(f[1]);
        case "trials" -> trials = Long.parseLong(f[1]);
        case "lever" -> levers.put(unesc(f[1]), Double.parseDouble(f[2]));
        case "kpi" -> {
          KpiKey key = KpiKey.of(unesc(f[1]), Metric.valueOf(f[2]), unesc(f[3]), Window.valueOf(f[4]),
              Measure.valueOf(f[5]));
          double[] p = new double[Percentiles.LEVELS.length];
          for (int j = 0; j < p.length; j++) {
            p[j] = Double.parseDouble(f[12 + j]);
          }
          int at = 12 + p.length;
          Statistics s = new Statistics(Long.parseLong(f[6]), d(f[7]), d(f[8]), d(f[9]), d(f[10]), d(f[11]),
              Percentiles.of(p), d(f[at]));
          kpis.add(new PointKpi(key, s, d(f[at + 1]), d(f[at + 2])));
        }
        case "target" -> targets.add(new TargetProbability(unesc(f[1]), unesc(f[2]), d(f[3]), d(f[4]), d(f[5]),
            Long.parseLong(f[6])));
        default -> throw new IllegalArgumentException("line " + (i + 1) + " of a grid point: unknown record '" + f[0]
            + "'");
      }
    }
    return new GridPoint(index, levers, trials, kpis, targets);
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }

  static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  static String unesc(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
