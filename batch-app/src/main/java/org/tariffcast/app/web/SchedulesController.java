package org.tariffcast.app.web;

import java.security.Principal;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.schedule.ScheduleSwitches;

/** The Schedules page: each schedule, its next fire in the planner's zone, its last outcome, and a switch. */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class SchedulesController {
  private final TariffcastProperties properties;
  private final ScheduleSwitches switches;
  private final ConsoleRepository console;
  private final TimeText time;

  public SchedulesController(TariffcastProperties properties, ScheduleSwitches switches, ConsoleRepository console,
      TimeText time) {
    this.properties = properties;
    this.switches = switches;
    this.console = console;
    this.time = time;
  }

  /** One row of the Schedules table. */
  public record Row(TariffcastProperties.Schedule schedule, boolean configured, boolean enabled, String switchedBy,
      String nextFire, ConsoleRepository.Fire last, String lastFired, String settings) {}

  @GetMapping("/schedules")
  String schedules(Model model) {
    Map<String, ScheduleSwitches.Switch> all = switches.all();
    List<Row> rows = new ArrayList<>();
    for (TariffcastProperties.Schedule s : properties.schedules()) {
      ScheduleSwitches.Switch sw = all.get(s.name());
      boolean enabled = s.enabled() && (sw == null || sw.enabled());
      String by = sw == null ? null : (sw.enabled() ? "switched on" : "switched off") + " by " + sw.changedBy()
          + " at " + time.when(sw.changedAt().toInstant());
      ConsoleRepository.Fire last = console.lastFire(s.name()).orElse(null);
      rows.add(new Row(s, s.enabled(), enabled, by, enabled ? nextFire(s) : "-", last,
          last == null ? "never" : time.when(last.firedAt()), settings(s)));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("zone", time.zone().getId());
    return "console/schedules";
  }

  String nextFire(TariffcastProperties.Schedule s) {
    try {
      CronExpression cron = new CronExpression(s.cron());
      cron.setTimeZone(TimeZone.getTimeZone(s.zone()));
      Date next = cron.getNextValidTimeAfter(Date.from(Instant.now()));
      return next == null ? "never" : time.when(next.toInstant());
    } catch (ParseException e) {
      return "bad cron expression: " + e.getMessage();
    }
  }

  static String settings(TariffcastProperties.Schedule s) {
    List<String> parts = new ArrayList<>();
    parts.add(s.study() == null ? "default study" : s.study().toString());
    if (s.trials() != null) {
      parts.add(String.format(java.util.Locale.ROOT, "%,d trials", s.trials()));
    }
    if (s.seed() != null) {
      parts.add("seed " + s.seed());
    }
    if (s.threads() > 0) {
      parts.add(s.threads() + " threads");
    }
    return String.join(", ", parts);
  }

  @PostMapping("/schedules/{name}")
  String toggle(@PathVariable String name, @RequestParam String enabled, Principal who, RedirectAttributes flash) {
    TariffcastProperties.Schedule s = properties.schedules().stream().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    boolean on = Boolean.parseBoolean(enabled);
    if (on && !s.enabled()) {
      flash.addFlashAttribute("notice", "Schedule " + name + " is disabled in config/application.yml: "
          + "enable it there.");
      return "redirect:/schedules";
    }
    switches.set(name, on, who == null ? "an operator on localhost" : who.getName());
    flash.addFlashAttribute("notice", "Schedule " + name + (on ? " switched on." : " switched off: its fires are "
        + "recorded as SKIPPED until it is switched on again."));
    return "redirect:/schedules";
  }
}
