package org.tariffcast.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;

/** The Runs page, a run's page, its progress as JSON, its files, and the resume and report buttons. */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class RunsController {
  private final RunRepository runs;
  private final ConsoleRepository console;
  private final ReportFiles files;
  private final RunLog log;
  private final ConsoleActions actions;
  private final ConsoleProperties settings;
  private final TariffcastProperties properties;
  private final TimeText time;

  public RunsController(RunRepository runs, ConsoleRepository console, ReportFiles files, RunLog log,
      ConsoleActions actions, ConsoleProperties settings, TariffcastProperties properties, TimeText time) {
    this.runs = runs;
    this.console = console;
    this.files = files;
    this.log = log;
    this.actions = actions;
    this.settings = settings;
    this.properties = properties;
    this.time = time;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/runs";
  }

  /** One row of the Runs table. */
  public record Row(RunRecord run, RunStatus status, String when, String duration, String startedBy) {}

  @GetMapping("/runs")
  String runs(@RequestParam(required = false) String status, @RequestParam(required = false) String study,
      @RequestParam(defaultValue = "1") String page, Model model) {
    RunStatus filter = null;
    if (status != null && !status.isBlank()) {
      try {
        filter = RunStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      }
    }
    int p = page.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1;
    ConsoleRepository.Page result = console.page(filter, study, p, settings.pageSize());
    List<Row> rows = result.runs().stream().map(r -> new Row(r, RunStatus.of(r, properties.staleAfter()),
        time.when(r.createdAt()), TimeText.duration(r.duration()), startedBy(r))).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("page", result);
    model.addAttribute("statuses", RunStatus.values());
    model.addAttribute("studies", console.studies());
    model.addAttribute("status", filter == null ? "" : filter.name());
    model.addAttribute("study", study == null ? "" : study);
    model.addAttribute("zone", time.zone().getId());
    return "console/runs";
  }

  static String startedBy(RunRecord r) {
    if ("schedule".equals(r.origin())) {
      return "schedule " + r.scheduleName() + (r.fireTime() == null ? "" : " (" + r.fireTime() + ")");
    }
    return "command line" + (r.owner() == null ? "" : " on " + r.owner().replaceFirst(":\\d+$", ""));
  }

  private RunRecord find(String id) {
    if (id == null || !id.matches("\\d{1,18}")) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return runs.find(Long.parseLong(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @GetMapping("/runs/{id}")
  String run(@PathVariable String id, Model model) {
    RunRecord run = find(id);
    long runId = run.runId();
    ConsoleRepository.Progress progress = console.progress(run);
    model.addAttribute("run", run);
    model.addAttribute("title", console.title(runId).orElse(run.study()));
    model.addAttribute("progress", progress);
    model.addAttribute("status", progress.status());
    model.addAttribute("startedBy", startedBy(run));
    model.addAttribute("created", time.when(run.createdAt()));
    model.addAttribute("finished", time.when(run.finishedAt()));
    model.addAttribute("duration", TimeText.duration(run.duration()));
    String[] regions = console.regions(runId);
    List<org.tariffcast.model.result.Metric> metrics = RunPageModel.metrics(console.headlineMetrics(runId));
    model.addAttribute("headlines", RunPageModel.table(console.headlines(runId,
        metrics.stream().map(org.tariffcast.model.result.Metric::label).toList()), metrics, console.scenarios(runId),
        regions[0], regions[1]));
    List<ReportFiles.Entry> entries = files.list(run);
    model.addAttribute("files", entries.stream().filter(e -> !e.chart()).toList());
    model.addAttribute("charts", entries.stream().filter(ReportFiles.Entry::chart).toList());
    model.addAttribute("workbook", files.file(run, ReportFiles.workbook(runId)).isPresent()
        ? ReportFiles.workbook(runId) : null);
    model.addAttribute("brief", files.file(run, ReportFiles.brief(runId)).isPresent()
        ? ReportFiles.brief(runId) : null);
    Map<String, String> snapshot = runs.snapshot(runId);
    model.addAttribute("snapshot", snapshot);
    Optional<Long> previous = console.previousOfStudy(runId, run.study());
    model.addAttribute("previous", previous.orElse(null));
    if (previous.isPresent()) {
      model.addAttribute("diff", ConfigDiff.of(runs.snapshot(previous.get()), snapshot));
      model.addAttribute("previousHash", runs.find(previous.get()).map(RunRecord::shortHash).orElse("-"));
    }
    model.addAttribute("logLines", log.lines(runId, console.jobExecutions(runId), settings.logLines()));
    model.addAttribute("logFile", log.file() == null ? "-" : log.file().toString());
    model.addAttribute("canResume", progress.status().resumable() && actions.pending(runId) == null);
    model.addAttribute("canRender", console.hasStatistics(runId) && progress.status() != RunStatus.RUNNING
        && actions.pending(runId) == null);
    model.addAttribute("pending", actions.pending(runId));
    model.addAttribute("outcome", actions.outcome(runId));
    model.addAttribute("zone", time.zone().getId());
    return "console/run";
  }

  @GetMapping(value = "/runs/{id}/progress.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> progress(@PathVariable String id) {
    RunRecord run = find(id);
    ConsoleRepository.Progress p = console.progress(run);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run_id", run.runId());
    out.put("status", p.status().name());
    out.put("status_words", p.statusWords());
    out.put("running", p.running());
    out.put("step", p.step());
    out.put("partitions_done", p.partitionsDone());
    out.put("partitions", p.partitions());
    out.put("trials_done", p.trialsDone());
    out.put("trials_planned", p.trialsPlanned());
    out.put("trials_per_second", Math.round(p.trialsPerSecond()));
    out.put("eta", p.eta());
    out.put("pending_action", actions.pending(run.runId()));
    return out;
  }

  @GetMapping("/runs/{id}/files/{name}")
  ResponseEntity<Resource> file(@PathVariable String id, @PathVariable String name) throws IOException {
    RunRecord run = find(id);
    Path f = files.file(run, name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
    ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(type).contentLength(Files.size(f));
    if (!name.endsWith(".png")) {
      b.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
    }
    return b.body(new FileSystemResource(f));
  }

  /** The confirmation page of a button: works without JavaScript. */
  @GetMapping("/runs/{id}/{action:resume|report}")
  String confirm(@PathVariable String id, @PathVariable String action, Model model) {
    RunRecord run = find(id);
    model.addAttribute("run", run);
    model.addAttribute("action", action);
    model.addAttribute("status", RunStatus.of(run, properties.staleAfter()));
    return "console/confirm";
  }

  @PostMapping("/runs/{id}/resume")
  String resume(@PathVariable String id, Principal who, RedirectAttributes flash) {
    RunRecord run = find(id);
    RunStatus status = RunStatus.of(run, properties.staleAfter());
    if (!status.resumable()) {
      flash.addFlashAttribute("notice", "Run " + run.runId() + " is " + status.words() + ": nothing to resume.");
    } else if (actions.resume(run.runId(), who == null ? "an operator on localhost" : who.getName())) {
      flash.addFlashAttribute("notice", "Resuming run " + run.runId() + ".");
    } else {
      flash.addFlashAttribute("notice", "Run " + run.runId() + " is busy: " + actions.pending(run.runId()) + ".");
    }
    return "redirect:/runs/" + run.runId();
  }

  @PostMapping("/runs/{id}/report")
  String report(@PathVariable String id, Principal who, RedirectAttributes flash) {
    RunRecord run = find(id);
    if (!console.hasStatistics(run.runId())) {
      flash.addFlashAttribute("notice", "Run " + run.runId() + " has no statistics yet: resume it first.");
    } else if (actions.render(run.runId(), who == null ? "an operator on localhost" : who.getName())) {
      flash.addFlashAttribute("notice", "Rendering the reports of run " + run.runId() + " again.");
    } else {
      flash.addFlashAttribute("notice", "Run " + run.runId() + " is busy: " + actions.pending(run.runId()) + ".");
    }
    return "redirect:/runs/" + run.runId();
  }
}
