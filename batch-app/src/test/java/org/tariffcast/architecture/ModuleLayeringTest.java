package org.tariffcast.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies in DESIGN.md, checked on the compiled classes of all four
 * modules: model knows none of the others and no Spring; simulation and reporting know model
 * only; Spring lives in batch-app alone. Each rule fails on an empty selection, so a renamed
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
