package org.tariffcast.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.tools.Server;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.persistence.H2Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code db}: serves the H2 database file over TCP on this machine, so that runs, schedulers and
 * consoles connect to a process that outlives each of them. With {@code AUTO_SERVER=TRUE} the
 * first process to open the file serves it, and when that process exits (a run finishing, a
 * scheduler restarting) the open transactions of every other process are rolled back: their runs
 * fail. Behind {@code tariffcast db} no run depends on another.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
    header = "Serve the H2 database to every tariffcast process of this machine (TCP).",
    description = {"Stay up and serve the H2 database file of spring.datasource.url over TCP, on",
        "127.0.0.1 only, so that runs, schedulers and the console share it without depending on",
        "each other. Start it before them (systemd, or nohup), and give them the URL it prints:",
        "  jdbc:h2:tcp://127.0.0.1:PORT/<absolute path of the file, without .mv.db>",
        "See batch-app/OPERATIONS.md, 'Several processes on one H2 database'."},
    footer = {"", "Exit status: 0 stopped, 1 could not start, 2 usage.",
        "Example: nohup tariffcast db --port 9092 > data/logs/db.out 2>&1 &"})
public class DbCommand extends Subcommand {
  @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: 9092)")
  int port = 9092;

  public DbCommand() {
    super(SpringContexts.Kind.ENVIRONMENT);
  }

  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    Ranges.between(spec, "--port", port, 1024, 65535);
    String url = ctx.getEnvironment().getProperty("spring.datasource.url");
    Path file = H2Files.file(url).orElse(null);
    if (file == null) {
      err().println("error: 'db' serves an H2 file database; spring.datasource.url is " + url);
      return ExitCodes.BAD_INPUT;
    }
    H2Files.verify(url);
    Path abs = file.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    String base = abs.toString().substring(0, abs.toString().length() - ".mv.db".length());
    // create the database if it is new (remote clients may not create one), then serve it
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + base,
        ctx.getEnvironment().getProperty("spring.datasource.username", "sa"),
        ctx.getEnvironment().getProperty("spring.datasource.password", ""))) {
      c.isValid(1);
    }
    Server server = Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stop.countDown();
    }, "tariffcast-db-stop"));
    out().println("serving " + abs + " on 127.0.0.1:" + server.getPort());
    out().println("url: jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + base);
    out().flush();
    stop.await();
    return ExitCodes.OK;
  }
}
