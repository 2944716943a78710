package pcsh;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package boundaries: dependencies point one way, and the emulator shares nothing with the client. */
@AnalyzeClasses(packages = "pcsh", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule boundaries = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("app").definedBy("pcsh")
      .layer("shell").definedBy("pcsh.shell..")
      .layer("api").definedBy("pcsh.api..")
      .layer("auth").definedBy("pcsh.auth..")
      .layer("session").definedBy("pcsh.session..")
      .layer("output").definedBy("pcsh.output..")
      .layer("emulator").definedBy("pcsh.emulator..")
      .whereLayer("shell").mayOnlyBeAccessedByLayers("app")
      .whereLayer("api").mayOnlyBeAccessedByLayers("shell")
      .whereLayer("auth").mayOnlyBeAccessedByLayers("shell", "api")
      .whereLayer("session").mayOnlyBeAccessedByLayers("shell", "auth", "api", "app")
      .whereLayer("output").mayOnlyBeAccessedByLayers("shell")
      .whereLayer("emulator").mayOnlyBeAccessedByLayers("shell");

  @ArchTest
  static final ArchRule emulatorStandsAlone = noClasses().that().resideInAPackage("pcsh.emulator..")
      .should().dependOnClassesThat().resideInAnyPackage("pcsh.api..", "pcsh.shell..", "pcsh.session..",
          "pcsh.auth..", "pcsh.output..", "feign..", "org.springframework..");

  @ArchTest
  static final ArchRule onlyShellSeesSpringShellAndJLine = noClasses().that().resideOutsideOfPackages("pcsh.shell..", "pcsh")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.shell..", "org.jline..");

  @ArchTest
  static final ArchRule onlyApiSeesFeign = noClasses().that().resideOutsideOfPackage("pcsh.api..")
      .should().dependOnClassesThat().resideInAPackage("feign..");

  @ArchTest
  static final ArchRule onlyAuthSeesMsal = noClasses().that().resideOutsideOfPackage("pcsh.auth..")
      .should().dependOnClassesThat().resideInAPackage("com.microsoft.aad..");

  /** Spring Shell's validator is {@code NoConstraintsValidation}: a constraint annotation would be silently ignored. */
  @ArchTest
  static final ArchRule noValidationConstraints = noClasses()
      .should().dependOnClassesThat().resideInAPackage("jakarta.validation.constraints..")
      .because("pcsh's validation provider checks no constraints; commands validate their own input");
}
