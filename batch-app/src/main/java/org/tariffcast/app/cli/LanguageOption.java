package org.tariffcast.app.cli;

import java.util.List;
import org.tariffcast.reporting.text.Messages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --language CODE} option of the commands that write reports (a picocli mixin): the
 * language of the brief and the workbook's front sheets for this command only, in place of the
 * setting {@code tariffcast.report.language}. A language that is not shipped is a usage error
 * (exit 2) naming the shipped ones.
 */
final class LanguageOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;
  String language;

  @Option(names = "--language", paramLabel = "CODE", description = "language of the brief and the workbook's front "
      + "sheets: en or vi (default: tariffcast.report.language, else en)")
  void language(String value) {
    if (!Messages.LANGUAGES.contains(value)) {
      throw new ParameterException(mixee.commandLine(), "--language: expected one of the shipped languages "
          + String.join(", ", Messages.LANGUAGES) + ", found '" + value + "'");
    }
    language = value;
  }

  /** Adds the language to the Spring arguments, where it overrides {@code tariffcast.report.language}. */
  void applyTo(List<String> springArgs) {
    if (language != null) {
      springArgs.removeIf(a -> a.startsWith("--tariffcast.report.language="));
      springArgs.add("--tariffcast.report.language=" + language);
    }
  }
}
