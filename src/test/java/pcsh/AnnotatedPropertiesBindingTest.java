package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/** The start-up shortcut for {@code @ConfigurationProperties} binds what Spring Boot's would. */
class AnnotatedPropertiesBindingTest {

  @Test
  void everyPropertiesBeanOfPcshCarriesTheAnnotationOnItsClass() throws Exception {
    var context = InProcessPcsh.embedded().context();

    Map<String, ConfigurationPropertiesBean> all = ConfigurationPropertiesBean.getAll(context);

    assertThat(all).isNotEmpty().containsKey("spring.shell-" + springShellProperties());
    all.forEach(
        (name, bean) ->
            assertThat(
                    ClassUtils.getUserClass(bean.getInstance())
                        .isAnnotationPresent(ConfigurationProperties.class))
                .as(
                    "%s is bound through @ConfigurationProperties on a @Bean method, which"
                        + " AnnotatedPropertiesBinding does not bind: put it on the class",
                    name)
                .isTrue());
  }

  @Test
  void theReplacedPostProcessorBindsAnnotatedBeansAndLeavesOthersAlone() {
    try (var context = new GenericApplicationContext()) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("test", Map.of("test.name", "bound", "name", "not")));
      ConfigurationPropertiesBindingPostProcessor.register(context);
      new AnnotatedPropertiesBinding().initialize(context);
      context.registerBean(Props.class);
      context.registerBean(Plain.class);

      context.refresh();

      assertThat(context.getBean(ConfigurationPropertiesBindingPostProcessor.class))
          .isInstanceOf(AnnotatedPropertiesBinding.OnlyAnnotated.class);
      assertThat(context.getBean(Props.class).getName()).isEqualTo("bound");
      assertThat(context.getBean(Plain.class).name).isNull();
    }
  }

  private static String springShellProperties() {
    return "org.springframework.shell.boot.SpringShellProperties";
  }

  @ConfigurationProperties("test")
  public static class Props {
    private String name;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  public static class Plain {
    String name;

    public void setName(String name) {
      this.name = name;
    }
  }
}
