package org.tariffcast.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigSnapshot;

/**
 * The direction of dependencies, checked on the compiled classes of all four modules: model
 * knows none of the others and no Spring; simulation and reporting know model only; Spring
 * lives in batch-app alone; YAML is read by the configuration loader alone; reporting reads
 * results, never a study's configuration. Each rule fails on an empty selection, so a renamed
 * package cannot make it pass vacuously.
 */
class ModuleLayeringTest {
  static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.tariffcast");
  }

  @Test
  void modelDependsOnNoOtherModuleAndNoSpring() {
    noClasses().that().resideInAPackage("org.tariffcast.model..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.tariffcast.simulation..", "org.tariffcast.reporting..", "org.tariffcast.app..",
            "org.springframework..")
        .check(classes);
  }

  @Test
  void simulationKnowsModelOnly() {
    noClasses().that().resideInAPackage("org.tariffcast.simulation..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.tariffcast.reporting..", "org.tariffcast.app..", "org.springframework..")
        .check(classes);
  }

  @Test
  void reportingKnowsModelOnly() {
    noClasses().that().resideInAPackage("org.tariffcast.reporting..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.tariffcast.simulation..", "org.tariffcast.app..", "org.springframework..")
        .check(classes);
  }

  /** YAML is parsed in one place: the loader of a study. */
  @Test
  void noYamlOutsideTheConfigurationLoader() {
    noClasses().that().resideOutsideOfPackage("org.tariffcast.model.config")
        .should().dependOnClassesThat().resideInAPackage("org.yaml..")
        .because("a study is parsed by ConfigLoader alone (one parser, one set of error locations)")
        .check(classes);
  }

  /**
   * Reporting renders a result (RunResult and its StudyDescription); it never loads a study.
   * The configuration snapshot is a value it may print (Assumptions sheet).
   */
  @Test
  void reportingReadsTheResultNotTheConfiguration() {
    noClasses().that().resideInAPackage("org.tariffcast.reporting..")
        .should().dependOnClassesThat(resideInAPackage("org.tariffcast.model.config..")
            .and(not(equivalentTo(ConfigSnapshot.class))))
        .because("names, labels, targets and headlines come from the result's StudyDescription")
        .check(classes);
  }

  /** Inside batch-app, delivery (reports, and what is sent) is used by the job, never the other way up. */
  @Test
  void deliveryDoesNotReachBackIntoTheJob() {
    noClasses().that().resideInAPackage("org.tariffcast.app.delivery..")
        .should().dependOnClassesThat().resideInAPackage("org.tariffcast.app.job..")
        .check(classes);
  }

  @Test
  void everyClassLivesInOneOfTheFourModules() {
    noClasses().that().resideInAPackage("org.tariffcast..")
        .should().resideOutsideOfPackages("org.tariffcast.model..", "org.tariffcast.simulation..",
            "org.tariffcast.reporting..", "org.tariffcast.app..")
        .check(classes);
  }
}
