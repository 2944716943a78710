package pcsh.api;

import feign.Contract;
import feign.MethodMetadata;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feign's reading of an API interface, kept once made. Feign reads the interface afresh for every
 * client it builds; the warm-up reads it while Spring starts ({@link WarmUp}), and the client built
 * on the first request then finds it ready. What Feign reads is only ever copied from (each request
 * starts from a copy of a method's template), so one reading serves every client.
 */
final class ApiContract implements Contract {

  static final ApiContract INSTANCE = new ApiContract();

  private final Contract feigns = new Contract.Default();
  private final Map<Class<?>, List<MethodMetadata>> read = new ConcurrentHashMap<>();

  private ApiContract() {}

  @Override
  public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
    return read.computeIfAbsent(targetType, t -> List.copyOf(feigns.parseAndValidateMetadata(t)));
  }
}
