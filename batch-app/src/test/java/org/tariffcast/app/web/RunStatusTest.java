package org.tariffcast.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which runs the console offers to resume: those {@code tariffcast resume} continues, and no other. */
class RunStatusTest {
  @Test
  void resumeIsOfferedForFailedKilledAndStoppedRunsOnly() {
    // resume continues a failed, stopped or killed run; it refuses a completed, running or invalid
    // one, and one closed as ABANDONED (an orphan of run, refused with the reason it was closed)
    assertThat(Arrays.stream(RunStatus.values()).filter(RunStatus::resumable))
        .containsExactlyInAnyOrder(RunStatus.FAILED, RunStatus.KILLED, RunStatus.STOPPED);
    assertThat(RunStatus.ABANDONED.resumable()).isFalse();
  }
}
