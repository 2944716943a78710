package pcsh.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

// The emulator must stay a stand-alone fake: JDK + Jackson only, and a seam of four public types.
class EmulatorIsolationTest {

  private static final JavaClasses EMULATOR = importEmulator();

  // Resolving every referenced JDK/Jackson class from the classpath costs seconds and is not
  // needed to check package names; the global switch is put back right after.
  private static JavaClasses importEmulator() {
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("pcsh.emulator");
    } finally {
      ArchConfiguration.get().reset();
    }
  }

  @Test
  void theEmulatorDependsOnlyOnTheJdkAndJackson() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "pcsh.emulator", "java..", "com.sun.net.httpserver..", "com.fasterxml.jackson..")
        .check(EMULATOR);
  }

  @Test
  void onlyTheSeamIsPublic() {
    classes()
        .that()
        .haveModifier(JavaModifier.PUBLIC)
        .should()
        .haveNameMatching(
            "pcsh\\.emulator\\.(Emulator|EmulatorConfig|Faults|LegacyCasing|SeedCustomers)")
        .check(EMULATOR);
  }
}
