package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import pcsh.commands.CustomerCommands;

/**
 * Spring Shell builds its validator with Validation.buildDefaultValidatorFactory(): that must be
 * pcsh's.
 */
class NoConstraintsValidationTest {

  @Test
  void theDefaultValidatorIsPcshsAndFindsNothing() throws Exception {
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      var validator = factory.getValidator();
      Method list =
          java.util.Arrays.stream(CustomerCommands.class.getDeclaredMethods())
              .filter(m -> m.getName().equals("list"))
              .findFirst()
              .orElseThrow();
      Object[] nonsense = new Object[list.getParameterCount()];

      assertThat(validator.getClass().getName())
          .startsWith(NoConstraintsValidation.class.getName());
      assertThat(validator.forExecutables().validateParameters(new Object(), list, nonsense))
          .isEmpty();
      assertThat(validator.getConstraintsForClass(CustomerCommands.class).isBeanConstrained())
          .isFalse();
    }
  }

  @Test
  void hibernateValidatorIsNotOnTheClassPath() {
    assertThat(
            getClass()
                .getClassLoader()
                .getResource("org/hibernate/validator/HibernateValidator.class"))
        .isNull();
  }
}
