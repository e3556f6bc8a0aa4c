package org.tariffcast.app.cli;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.delivery.ReportAdoption;
import org.tariffcast.app.delivery.ReportPublisher;
import org.tariffcast.app.persistence.DatabaseIdentity;
import org.tariffcast.app.persistence.RunRepository;
import picocli.CommandLine.Command;

/** {@code adopt-reports}: gives report folders from before database-id existed to this database's runs. */
@Command(name = "adopt-reports", mixinStandardHelpOptions = true,
    header = "Adopt report folders written before folders named their database.",
    description = {"Report folders written before folders recorded their database (no database-id file) are",
        "never overwritten, so 'report --run ID' refuses them. This command adopts each such folder under",
        "tariffcast.reports whose summary.json names a run of this database (same id, configuration SHA-256",
        "and start time): it writes the folder's database-id. Others are listed with the reason and left",
        "as they are (they belong to another database: move them away). Nothing else changes."},
    footer = {"", "Exit status: 0 every such folder adopted (or none found), 1 some left as they were, 2 usage.",
        "Example: tariffcast adopt-reports && tariffcast report --run 3"})
public class AdoptReportsCommand extends Subcommand {
  @Override
  int run(ConfigurableApplicationContext ctx) throws Exception {
    ReportPublisher publisher = ctx.getBean(ReportPublisher.class);
    List<ReportAdoption.Folder> folders = new ReportAdoption(publisher, ctx.getBean(RunRepository.class),
        ctx.getBean(DatabaseIdentity.class).id()).adoptAll();
    int left = 0;
    for (ReportAdoption.Folder f : folders) {
      if (f.adopted()) {
        out().printf("adopted %s: run %d of this database%n", f.path(), f.runId());
      } else {
        left++;
        out().printf("left %s as it is: %s%n", f.path(), f.reason());
      }
    }
    out().printf("%d folder%s without database-id under %s: %d adopted, %d left as they were%n", folders.size(),
        folders.size() == 1 ? "" : "s", publisher.root(), folders.size() - left, left);
    return left == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
