package pcsh;

import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.shell.boot.SpringShellProperties;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's {@code @ConfigurationProperties} binding, asked only of beans whose class carries
 * the annotation. Boot's post-processor looks for it on every bean, its class hierarchy and the
 * method that made it, through Spring's merged annotations: a few percent of pcsh's start-up. The
 * beans it binds here (Spring Shell's and Boot's properties classes) all carry it on their class;
 * {@code AnnotatedPropertiesBindingTest} fails if a bean ever gets it another way (on a
 * {@code @Bean} method), which this would not bind. Spring Shell's own are read without Boot's
 * Binder ({@link SpringShellSettings}).
 *
 * <p>Applies where Spring AOT registered the beans before the context's initializers run (the
 * launcher and the jar); elsewhere the definition does not exist yet and Boot's own is used.
 */
final class AnnotatedPropertiesBinding
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var factory = context.getBeanFactory();
    String name = ConfigurationPropertiesBindingPostProcessor.BEAN_NAME;
    if (!factory.containsBeanDefinition(name)
        || !(factory.getBeanDefinition(name) instanceof RootBeanDefinition d)) {
      return;
    }
    d.setBeanClass(OnlyAnnotated.class);
    d.setInstanceSupplier(OnlyAnnotated::new);
  }

  static final class OnlyAnnotated extends ConfigurationPropertiesBindingPostProcessor
      implements EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
      // Spring Shell's settings, read without the Binder (SpringShellSettings)
      if (bean instanceof SpringShellProperties p && environment != null) {
        SpringShellSettings.read(p, environment);
        return bean;
      }
      // the class as written, not a CGLIB subclass Spring made of it (the annotation is not
      // inherited)
      if (!ClassUtils.getUserClass(bean).isAnnotationPresent(ConfigurationProperties.class)) {
        return bean;
      }
      return super.postProcessBeforeInitialization(bean, beanName);
    }
  }
}
