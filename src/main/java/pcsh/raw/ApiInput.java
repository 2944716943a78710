package pcsh.raw;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code api} was given, as typed: {@code [METHOD] PATH}, {@code --method}, the fields, {@code
 * --input}, the headers, the switches, and the customer that fills in {@code {customer}}.
 *
 * @param customer {@code --customer}, already checked to be a tenant id; null when not given
 * @param selected the selected customer's id, when there is one
 * @param stdin standard input, for {@code --input -} and {@code -F key=@-}
 */
public record ApiInput(
    List<String> words,
    String method,
    List<String> rawFields,
    List<String> typedFields,
    String input,
    List<String> headers,
    boolean paginate,
    boolean include,
    boolean graph,
    String customer,
    Supplier<Optional<String>> selected,
    Supplier<InputStream> stdin) {

  public ApiInput {
    words = words == null ? List.of() : List.copyOf(words);
    rawFields = rawFields == null ? List.of() : List.copyOf(rawFields);
    typedFields = typedFields == null ? List.of() : List.copyOf(typedFields);
    headers = headers == null ? List.of() : List.copyOf(headers);
  }
}
