package pcsh.shell;

import java.util.List;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Colour, only where it helps: never when {@code NO_COLOR} is set (any value, as Spring Shell reads
 * it) or output is not a terminal. JLine itself ignores NO_COLOR, so the line reader's highlighter
 * and completion colours are switched off here too.
 */
@Configuration(proxyBeanMethods = false)
class Styles {

  private static final List<String> COMPLETION_STYLES =
      List.of(
          LineReader.COMPLETION_STYLE_STARTING, LineReader.COMPLETION_STYLE_DESCRIPTION,
          LineReader.COMPLETION_STYLE_GROUP, LineReader.COMPLETION_STYLE_SELECTION,
          LineReader.COMPLETION_STYLE_BACKGROUND, LineReader.COMPLETION_STYLE_LIST_STARTING,
          LineReader.COMPLETION_STYLE_LIST_DESCRIPTION, LineReader.COMPLETION_STYLE_LIST_GROUP,
          LineReader.COMPLETION_STYLE_LIST_SELECTION, LineReader.COMPLETION_STYLE_LIST_BACKGROUND);

  private final boolean color;

  @org.springframework.beans.factory.annotation.Autowired
  Styles(Terminal terminal) {
    this(System.getenv("NO_COLOR") == null, terminal);
  }

  Styles(boolean allowed, Terminal terminal) {
    String type = terminal.getType();
    this.color =
        allowed && !Terminal.TYPE_DUMB.equals(type) && !Terminal.TYPE_DUMB_COLOR.equals(type);
  }

  boolean color() {
    return color;
  }

  AttributedStyle style(AttributedStyle s) {
    return color ? s : AttributedStyle.DEFAULT;
  }

  @Bean
  static BeanPostProcessor plainLineReaderWithoutColour(ObjectProvider<Styles> styles) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof LineReader reader && !styles.getObject().color()) {
          reader.option(LineReader.Option.DISABLE_HIGHLIGHTER, true);
          // an empty value falls back to JLine's colours, so name a plain style explicitly
          for (String v : COMPLETION_STYLES)
            reader.setVariable(v, v.contains("SELECTION") ? "inverse" : "fg:default");
        }
        return bean;
      }
    };
  }
}
