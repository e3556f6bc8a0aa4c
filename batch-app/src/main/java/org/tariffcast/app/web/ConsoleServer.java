package org.tariffcast.app.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.TariffcastApplication;

/**
 * Starts the application with the web console: {@code tariffcast serve} (no scheduler) or
 * {@code tariffcast schedule --serve} (the scheduler and the console in one process).
 */
public final class ConsoleServer {
  static final String QUARTZ_AUTOCONFIG = "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration";

  private ConsoleServer() {}

  /** The application as a web server; {@code withScheduler} also sets it up to fire the schedules. */
  public static ConfigurableApplicationContext start(List<String> springArgs, boolean withScheduler) {
    List<String> args = new ArrayList<>(springArgs);
    args.add("--spring.main.web-application-type=servlet");
    if (withScheduler) {
      args.add("--tariffcast.mode=schedule");
    } else {
      args.add("--tariffcast.mode=serve");
      if (args.stream().noneMatch(a -> a.startsWith("--spring.autoconfigure.exclude="))) {
        args.add("--spring.autoconfigure.exclude=" + QUARTZ_AUTOCONFIG);
      }
    }
    return new SpringApplicationBuilder(TariffcastApplication.class).web(WebApplicationType.SERVLET)
        .bannerMode(Banner.Mode.OFF).logStartupInfo(false).registerShutdownHook(true)
        .run(args.toArray(String[]::new));
  }

  /** The port the console listens on. */
  public static int port(ConfigurableApplicationContext ctx) {
    return ((WebServerApplicationContext) ctx).getWebServer().getPort();
  }

  /** {@code http://127.0.0.1:8080/}: where to point a browser on this machine. */
  public static String address(ConfigurableApplicationContext ctx) {
    String host = ctx.getEnvironment().getProperty("server.address", "127.0.0.1");
    if (host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host)) {
      host = "127.0.0.1";
    }
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port(ctx) + "/";
  }

  /** The refusal among the causes of a failed start, if that is why it failed. */
  public static ConsoleRefusedException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConsoleRefusedException r) {
        return r;
      }
    }
    return null;
  }
}
