package pcsh;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.shell.command.annotation.Command;

/**
 * The package map as rules: commands on top, the shell's glue beside them, features below,
 * boundaries at the bottom; dependencies point one way, and the emulator shares nothing with the
 * client.
 */
@AnalyzeClasses(packages = "pcsh", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] FEATURES = {
    "pcsh.qualification..",
    "pcsh.support..",
    "pcsh.customers..",
    "pcsh.audit..",
    "pcsh.picture..",
    "pcsh.raw.."
  };

  /** The access diagnostics: the GDAP check and doctor, features beside the others. */
  private static final String[] ACCESS_FEATURES = {"pcsh.access..", "pcsh.diagnostics.."};

  private static final String[] BOUNDARIES = {
    "pcsh.api..",
    "pcsh.auth..",
    "pcsh.session..",
    "pcsh.output..",
    "pcsh.failure..",
    "pcsh.graph..",
    "pcsh.values.."
  };

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("app")
          .definedBy("pcsh")
          .layer("commands")
          .definedBy("pcsh.commands..")
          .layer("shell")
          .definedBy("pcsh.shell..")
          .layer("features")
          .definedBy(concat(FEATURES, ACCESS_FEATURES))
          .layer("boundaries")
          .definedBy(BOUNDARIES)
          .layer("emulator")
          .definedBy("pcsh.emulator..")
          .whereLayer("commands")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("shell")
          .mayOnlyBeAccessedByLayers("app", "commands")
          .whereLayer("features")
          .mayOnlyBeAccessedByLayers("app", "commands", "shell", "features")
          .whereLayer("boundaries")
          .mayOnlyBeAccessedByLayers("app", "commands", "shell", "features", "boundaries")
          .whereLayer("emulator")
          .mayOnlyBeAccessedByLayers("commands", "shell");

  /**
   * Features and boundaries know no terminal: they import nothing from the shell or the commands.
   */
  @ArchTest
  static final ArchRule featuresKnowNoShell =
      noClasses()
          .that()
          .resideInAnyPackage(concat(concat(FEATURES, ACCESS_FEATURES), BOUNDARIES))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("pcsh.shell..", "pcsh.commands..")
          .because("a feature reports failures as its own types and leaves printing to the shell");

  @ArchTest
  static final ArchRule noCycles = slices().matching("pcsh.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule emulatorStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("pcsh.emulator..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "pcsh.api..",
              "pcsh.auth..",
              "pcsh.session..",
              "pcsh.graph..",
              "pcsh.access..",
              "pcsh.diagnostics..",
              "pcsh.output..",
              "pcsh.failure..",
              "pcsh.values..",
              "pcsh.shell..",
              "pcsh.commands..",
              "pcsh.qualification..",
              "pcsh.support..",
              "pcsh.customers..",
              "pcsh.audit..",
              "pcsh.picture..",
              "feign..",
              "org.springframework..");

  /** Command classes hold the commands and nothing else lives in their package. */
  @ArchTest
  static final ArchRule commandsLiveInCommands =
      classes().that().areAnnotatedWith(Command.class).should().resideInAPackage("pcsh.commands");

  @ArchTest
  static final ArchRule onlyShellSeesJLine =
      noClasses()
          .that()
          .resideOutsideOfPackages("pcsh.shell..", "pcsh")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.jline..");

  @ArchTest
  static final ArchRule onlyShellAndCommandsSeeSpringShell =
      noClasses()
          .that()
          .resideOutsideOfPackages("pcsh.shell..", "pcsh.commands..", "pcsh")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.shell..");

  /** The two HTTP boundaries: Partner Center ({@code api}) and Microsoft Graph ({@code graph}). */
  @ArchTest
  static final ArchRule onlyApiSeesFeign =
      noClasses()
          .that()
          .resideOutsideOfPackages("pcsh.api..", "pcsh.graph..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("feign..");

  @ArchTest
  static final ArchRule onlyAuthSeesMsal =
      noClasses()
          .that()
          .resideOutsideOfPackage("pcsh.auth..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.microsoft.aad..");

  /**
   * Spring Shell's validator is {@code NoConstraintsValidation}: a constraint annotation would be
   * silently ignored.
   */
  @ArchTest
  static final ArchRule noValidationConstraints =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("jakarta.validation.constraints..")
          .because(
              "pcsh's validation provider checks no constraints; commands validate their own input");

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
