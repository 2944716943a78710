package pcsh.shell;

import jakarta.validation.BootstrapConfiguration;
import jakarta.validation.ClockProvider;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ParameterNameProvider;
import jakarta.validation.TraversableResolver;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorContext;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ConstructorDescriptor;
import jakarta.validation.metadata.ElementDescriptor;
import jakarta.validation.metadata.MethodDescriptor;
import jakarta.validation.metadata.MethodType;
import jakarta.validation.metadata.PropertyDescriptor;
import jakarta.validation.metadata.Scope;
import jakarta.validation.spi.BootstrapState;
import jakarta.validation.spi.ConfigurationState;
import jakarta.validation.spi.ValidationProvider;
import jakarta.validation.valueextraction.ValueExtractor;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Set;
import pcsh.session.Settings;

/**
 * The Bean Validation provider Spring Shell finds: it validates nothing, because pcsh's commands
 * declare no constraints (each command checks its own input and says what to do next;
 * ArchitectureTest keeps constraint annotations out). Spring Shell builds the default validator
 * when the shell starts and asks it about every command's parameters; with Hibernate Validator that
 * cost about a tenth of pcsh's start-up to find nothing.
 *
 * <p>Why one file over 300 lines: the Bean Validation SPI is a dozen interfaces, each answered here
 * with one-line "nothing to check" methods; they make sense only together, so they stay in one
 * place rather than in a dozen files.
 */
public final class NoConstraintsValidation
    implements ValidationProvider<NoConstraintsValidation.Settings> {

  @Override
  public Settings createSpecializedConfiguration(BootstrapState state) {
    return new Settings();
  }

  @Override
  public Configuration<?> createGenericConfiguration(BootstrapState state) {
    return new Settings();
  }

  @Override
  public ValidatorFactory buildValidatorFactory(ConfigurationState state) {
    return new Factory();
  }

  /** Accepts every setting, since there is nothing to configure. */
  public static final class Settings implements Configuration<Settings> {
    @Override
    public Settings ignoreXmlConfiguration() {
      return this;
    }

    @Override
    public Settings messageInterpolator(MessageInterpolator interpolator) {
      return this;
    }

    @Override
    public Settings traversableResolver(TraversableResolver resolver) {
      return this;
    }

    @Override
    public Settings constraintValidatorFactory(ConstraintValidatorFactory factory) {
      return this;
    }

    @Override
    public Settings parameterNameProvider(ParameterNameProvider provider) {
      return this;
    }

    @Override
    public Settings clockProvider(ClockProvider provider) {
      return this;
    }

    @Override
    public Settings addValueExtractor(ValueExtractor<?> extractor) {
      return this;
    }

    @Override
    public Settings addMapping(InputStream stream) {
      return this;
    }

    @Override
    public Settings addProperty(String name, String value) {
      return this;
    }

    @Override
    public MessageInterpolator getDefaultMessageInterpolator() {
      throw unsupported();
    }

    @Override
    public TraversableResolver getDefaultTraversableResolver() {
      throw unsupported();
    }

    @Override
    public ConstraintValidatorFactory getDefaultConstraintValidatorFactory() {
      throw unsupported();
    }

    @Override
    public ParameterNameProvider getDefaultParameterNameProvider() {
      throw unsupported();
    }

    @Override
    public ClockProvider getDefaultClockProvider() {
      throw unsupported();
    }

    @Override
    public BootstrapConfiguration getBootstrapConfiguration() {
      throw unsupported();
    }

    @Override
    public ValidatorFactory buildValidatorFactory() {
      return new Factory();
    }
  }

  private static final class Factory implements ValidatorFactory {
    private final Validator validator = new NoViolations();

    @Override
    public Validator getValidator() {
      return validator;
    }

    @Override
    public ValidatorContext usingContext() {
      throw unsupported();
    }

    @Override
    public MessageInterpolator getMessageInterpolator() {
      throw unsupported();
    }

    @Override
    public TraversableResolver getTraversableResolver() {
      throw unsupported();
    }

    @Override
    public ConstraintValidatorFactory getConstraintValidatorFactory() {
      throw unsupported();
    }

    @Override
    public ParameterNameProvider getParameterNameProvider() {
      throw unsupported();
    }

    @Override
    public ClockProvider getClockProvider() {
      throw unsupported();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw unsupported();
    }

    @Override
    public void close() {}
  }

  /** Every object, value and parameter list is valid: there are no constraints to break. */
  private static final class NoViolations implements Validator, ExecutableValidator {
    @Override
    public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
      return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateProperty(
        T object, String property, Class<?>... groups) {
      return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateValue(
        Class<T> type, String property, Object value, Class<?>... groups) {
      return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateParameters(
        T object, Method method, Object[] values, Class<?>... groups) {
      return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateReturnValue(
        T object, Method method, Object value, Class<?>... groups) {
      return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateConstructorParameters(
        Constructor<? extends T> constructor, Object[] values, Class<?>... groups) {
      return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateConstructorReturnValue(
        Constructor<? extends T> constructor, T created, Class<?>... groups) {
      return Set.of();
    }

    @Override
    public BeanDescriptor getConstraintsForClass(Class<?> type) {
      return new Unconstrained(type);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw unsupported();
    }

    @Override
    public ExecutableValidator forExecutables() {
      return this;
    }
  }

  /** A class with no constraints on it, its properties, methods or constructors. */
  private record Unconstrained(Class<?> type)
      implements BeanDescriptor, ElementDescriptor.ConstraintFinder {
    @Override
    public boolean isBeanConstrained() {
      return false;
    }

    @Override
    public PropertyDescriptor getConstraintsForProperty(String name) {
      return null;
    }

    @Override
    public Set<PropertyDescriptor> getConstrainedProperties() {
      return Set.of();
    }

    @Override
    public MethodDescriptor getConstraintsForMethod(String name, Class<?>... types) {
      return null;
    }

    @Override
    public Set<MethodDescriptor> getConstrainedMethods(MethodType type, MethodType... types) {
      return Set.of();
    }

    @Override
    public ConstructorDescriptor getConstraintsForConstructor(Class<?>... types) {
      return null;
    }

    @Override
    public Set<ConstructorDescriptor> getConstrainedConstructors() {
      return Set.of();
    }

    @Override
    public boolean hasConstraints() {
      return false;
    }

    @Override
    public Class<?> getElementClass() {
      return type;
    }

    @Override
    public Set<ConstraintDescriptor<?>> getConstraintDescriptors() {
      return Set.of();
    }

    @Override
    public ConstraintFinder findConstraints() {
      return this;
    }

    @Override
    public ConstraintFinder unorderedAndMatchingGroups(Class<?>... groups) {
      return this;
    }

    @Override
    public ConstraintFinder lookingAt(Scope scope) {
      return this;
    }

    @Override
    public ConstraintFinder declaredOn(ElementType... types) {
      return this;
    }
  }

  private static ValidationException unsupported() {
    return new ValidationException(
        "pcsh declares no validation constraints, so there is nothing to look up");
  }
}
