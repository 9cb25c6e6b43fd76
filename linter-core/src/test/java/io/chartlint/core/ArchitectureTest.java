package io.chartlint.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of STYLE.md: the core knows no front end and no concrete rule. */
class ArchitectureTest {
  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.chartlint.core");

  @Test
  void coreKnowsNoFrontEndAndNoConcreteRule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "picocli..", "org.apache.maven..", "io.chartlint.rules..", "io.chartlint.cli..")
        .check(core);
  }

  @Test
  void theModelDoesNotDependOnTheEngineOrReports() {
    noClasses()
        .that()
        .resideInAnyPackage("io.chartlint.core.load..", "io.chartlint.core.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.chartlint.core.engine..", "io.chartlint.core.report..")
        .check(core);
  }
}
