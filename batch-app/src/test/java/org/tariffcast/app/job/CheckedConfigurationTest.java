package org.tariffcast.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;

/**
 * A study folder edited between {@code run}'s check and its job: the job computes the files as
 * checked (the folder is not read again), stores exactly their text, and completes; no INVALID
 * row, no failure. Here the edit breaks a file (a flow written {@code 50%}), which used to give
 * an INVALID run and a stack trace.
 */
class CheckedConfigurationTest {
  @TempDir
  Path tmp;

  @Test
  void aStudyBrokenAfterTheCheckDoesNotChangeTheRunThatWasChecked() throws Exception {
    Path study = Studies.copy(Studies.GSIM, tmp.resolve("study"));
    Path flows = study.resolve("flows.csv");
    String asChecked = Files.readString(flows);
    ModelConfig checked = ConfigLoader.load(study);
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    // the edit lands after the check, before the job reads anything
    String broken = asChecked.replaceFirst("(?m)^([^,\\n]+,[^,\\n]+,[^,\\n]+,)[0-9.]+", "$150%");
    assertThat(broken).isNotEqualTo(asChecked);
    Files.writeString(flows, broken);

    try (ConfigurableApplicationContext ctx = ws.context(false)) {
      ProjectionLauncher.Outcome o = ctx.getBean(ProjectionLauncher.class)
          .run(study, checked, new Overrides(300L, null), 1, false);

      assertThat(o.completed()).as(o.message()).isTrue();
    }
    JdbcTemplate db = ws.jdbc();
    assertThat(db.queryForList("SELECT status FROM projection_run", String.class)).containsExactly("COMPLETED");
    assertThat(db.queryForObject("SELECT content FROM run_config_file WHERE path = 'flows.csv'", String.class))
        .isEqualTo(asChecked);
    assertThat(db.queryForObject("SELECT config_sha256 FROM projection_run", String.class))
        .isEqualTo(checked.snapshot().sha256());
    assertThat(ConfigLoader.validate(study)).as("the folder is broken now").isNotEmpty();
  }
}
