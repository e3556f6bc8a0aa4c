package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.noDuplicates;
import static org.tariffcast.model.Checks.notBlank;

import java.util.List;
import java.util.Optional;
import org.tariffcast.model.geo.Region;
import org.tariffcast.model.geo.Sector;

/**
 * What a run's results are about, in the words a report uses: the study's regions and sectors
 * with their names, its scenarios, its uncertain parameters with labels, its targets in words,
 * and the headline indicators. Produced by the engine with the results and stored with them,
 * so a report, a brief or a web page needs nothing but the result to name what it shows.
 *
 * @param study study name from {@code study.yml}
 * @param title study title
 * @param home the region whose imports, exports and revenue the results report (e.g. US)
 * @param partner the bilateral partner (e.g. VN)
 * @param perspective the side reports take: home or partner
 * @param baseYear calendar year of the base-year flows
 * @param regions every region, in study order
 * @param sectors every sector, in study order
 * @param scenarios the configured scenarios, then {@code Baseline} and {@code Outlook}, as results name them
 * @param parameters the uncertain parameters, in sampling order
 * @param targets the targets, in study order
 * @param headlines the headline indicators in reading order: each for every scenario and the
 *     outlook (for the baseline, its metric as a level); the engine records their convergence
 *     and sensitivity
 * @param benchmarks published estimates the results are compared with ({@code benchmarks:} of
 *     {@code study.yml}), in study order; may be empty
 */
public record StudyDescription(
    String study,
    String title,
    String home,
    String partner,
    String perspective,
    int baseYear,
    List<Region> regions,
    List<Sector> sectors,
    List<ScenarioInfo> scenarios,
    List<ParameterLabel> parameters,
    List<TargetDescription> targets,
    List<Indicator> headlines,
    List<Benchmark> benchmarks) {

  public StudyDescription {
    notBlank(study, "study");
    title = title == null || title.isBlank() ? study : title;
    regions = copy(regions, "regions");
    sectors = copy(sectors, "sectors");
    List<String> codes = regions.stream().map(Region::code).toList();
    noDuplicates(codes, "region codes");
    noDuplicates(sectors.stream().map(Sector::code).toList(), "sector codes");
    for (String[] r : new String[][] {{home, "home"}, {partner, "partner"}, {perspective, "perspective"}}) {
      if (!codes.contains(notBlank(r[0], r[1]))) {
        throw new IllegalArgumentException(r[1] + " must be one of " + codes + ", found '" + r[0] + "'");
      }
    }
    if (!perspective.equals(home) && !perspective.equals(partner)) {
      throw new IllegalArgumentException("perspective must be home (" + home + ") or partner (" + partner
          + "), found '" + perspective + "'");
    }
    scenarios = copy(scenarios, "scenarios");
    noDuplicates(scenarios.stream().map(ScenarioInfo::name).toList(), "scenario names");
    parameters = copy(parameters, "parameters");
    noDuplicates(parameters.stream().map(ParameterLabel::key).toList(), "parameter keys");
    targets = copy(targets, "targets");
    noDuplicates(targets.stream().map(TargetDescription::name).toList(), "target names");
    headlines = copy(headlines, "headlines");
    noDuplicates(headlines, "headlines");
    benchmarks = benchmarks == null ? List.of() : copy(benchmarks, "benchmarks");
  }

  /** A description without published benchmarks. */
  public StudyDescription(String study, String title, String home, String partner, String perspective, int baseYear,
      List<Region> regions, List<Sector> sectors, List<ScenarioInfo> scenarios, List<ParameterLabel> parameters,
      List<TargetDescription> targets, List<Indicator> headlines) {
    this(study, title, home, partner, perspective, baseYear, regions, sectors, scenarios, parameters, targets,
        headlines, List.of());
  }

  /** The same description with these benchmarks. */
  public StudyDescription withBenchmarks(List<Benchmark> others) {
    return new StudyDescription(study, title, home, partner, perspective, baseYear, regions, sectors, scenarios,
        parameters, targets, headlines, others);
  }

  /** The same description with other scenario entries (as a stored result lists them). */
  public StudyDescription withScenarios(List<ScenarioInfo> others) {
    return new StudyDescription(study, title, home, partner, perspective, baseYear, regions, sectors, others,
        parameters, targets, headlines, benchmarks);
  }

  /** The region's name, or the code itself if the study has no such region. */
  public String regionName(String code) {
    return regions.stream().filter(r -> r.code().equals(code)).map(Region::name).findFirst().orElse(code);
  }

  /** The sector's name, or the code itself if the study has no such sector. */
  public String sectorName(String code) {
    return sectors.stream().filter(s -> s.code().equals(code)).map(Sector::name).findFirst().orElse(code);
  }

  /** The parameter's label, or its key if it has none. */
  public String parameterLabel(String key) {
    return parameters.stream().filter(p -> p.key().equals(key)).map(ParameterLabel::label).findFirst().orElse(key);
  }

  /**
   * The metrics of the headline tables (the reports' Summary and Scenarios, the console's run
   * page), in reading order: those of the headline indicators with a {@code total} breakdown.
   */
  public List<Metric> headlineMetrics() {
    return headlineMetrics(headlines);
  }

  /** As {@link #headlineMetrics()}, for a list of headline indicators stored on their own. */
  public static List<Metric> headlineMetrics(List<Indicator> headlines) {
    return headlines.stream().filter(i -> i.breakdown().equals(KpiKey.TOTAL)).map(Indicator::metric).distinct()
        .toList();
  }

  public Optional<TargetDescription> target(String name) {
    return targets.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public List<String> regionCodes() {
    return regions.stream().map(Region::code).toList();
  }

  public List<String> sectorCodes() {
    return sectors.stream().map(Sector::code).toList();
  }
}
