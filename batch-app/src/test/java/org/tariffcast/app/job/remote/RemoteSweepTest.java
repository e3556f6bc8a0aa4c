package org.tariffcast.app.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.support.Services;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;

/**
 * A sweep ({@code run --explore}) under the remote profile: a worker application runs every grid
 * point the manager sends through the local RabbitMQ, and the stored points equal those of the
 * same sweep run locally.
 */
class RemoteSweepTest {
  static final Path STUDY = Studies.DEFAULT;
  static final String SWEEP = """
      scenario: Framework
      trials_per_point: 30
      levers:
        - {key: us_rate_vn, from: 10%, to: 40%, step: 10%}
      kpis:
        - {metric: imports_from_partner, window: final_year, measure: pct_change_vs_baseline}
      targets: all
      """;
  static final String POINTS = "SELECT point_index || ' ' || result FROM explore_point ORDER BY point_index";

  @TempDir
  Path tmp;

  @Test
  void aWorkerRunsTheGridPointsAndTheyEqualALocalSweep() throws Exception {
    Services.require("RabbitMQ", Services.RABBIT_HOST, Services.RABBIT_PORT);
    Path sweep = tmp.resolve("sweep.yml");
    Files.writeString(sweep, SWEEP);
    String[] run = {"run", "--config", STUDY.toString(), "--explore", sweep.toString(), "--seed", "4"};
    String queue = "tariffcast.test." + UUID.randomUUID();
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("spring.profiles.active", "remote")
        .with("tariffcast.remote.queue", queue).with("spring.rabbitmq.host", Services.RABBIT_HOST)
        .with("spring.rabbitmq.port", "" + Services.RABBIT_PORT).with("tariffcast.remote.poll-interval", "100");
    try (ConfigurableApplicationContext worker = ws.context(false, "--tariffcast.mode=worker")) {
      PartitionWorker partitionWorker = worker.getBean(PartitionWorker.class);

      Workspace.Result r = ws.cli(run);

      assertThat(r.code()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).contains("sweep 1 completed: 4 points x 30 trials of Framework");
      assertThat(partitionWorker.handled()).as("one request per grid point").isEqualTo(4);
      worker.getBean(RabbitAdmin.class).deleteQueue(queue);
    }
    Workspace local = Workspace.h2(tmp.resolve("local"));
    Workspace.Result l = local.cli(run);
    assertThat(l.code()).as(l.out() + l.err()).isZero();
    assertThat(ws.jdbc().queryForList(POINTS, String.class)).hasSize(4)
        .containsExactlyElementsOf(local.jdbc().queryForList(POINTS, String.class));
  }
}
