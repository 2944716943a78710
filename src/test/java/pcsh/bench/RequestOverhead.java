package pcsh.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import pcsh.api.PartnerCenterClient;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;

/**
 * Per-request overhead: the same customer GETs against the embedded emulator through pcsh's Feign
 * stack and through a bare JDK HttpClient, in interleaved blocks, and the ratio of the two.
 */
final class RequestOverhead {

  private RequestOverhead() {}

  /**
   * The same GETs of customers, through pcsh's Feign stack and through a bare JDK HttpClient,
   * interleaved.
   */
  static List<Bench.Row> measure(Bench.Options options) throws Exception {
    List<Bench.Row> rows = new ArrayList<>();
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory())) {
      String base = emulator.baseUrl().toString().replaceAll("/$", "");
      String correlation = UUID.randomUUID().toString();
      PartnerCenterClient pcsh =
          new PartnerCenterClient(
              () -> base,
              () -> Optional.of("bench-token"),
              () -> correlation,
              Duration.ofSeconds(5),
              Duration.ofSeconds(30));
      HttpClient bare =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      List<String> ids =
          List.of(
              SeedCustomers.NORTHWIND_ID,
              SeedCustomers.FABRIKAM_ID,
              SeedCustomers.TAILSPIN_ID,
              SeedCustomers.WOODGROVE_ID,
              SeedCustomers.ADATUM_ID,
              SeedCustomers.LITWARE_ID,
              SeedCustomers.CONTOSO_LTD_ID,
              SeedCustomers.CONTOSO_HEALTH_ID);
      Runnable viaPcsh =
          () -> {
            for (int i = 0; i < options.requests(); i++) pcsh.customer(ids.get(i % ids.size()));
          };
      Runnable viaBare =
          () -> {
            for (int i = 0; i < options.requests(); i++) {
              HttpRequest request =
                  HttpRequest.newBuilder(
                          URI.create(base + "/v1/customers/" + ids.get(i % ids.size())))
                      .timeout(Duration.ofSeconds(30))
                      .header("Accept", "application/json")
                      .header("Authorization", "Bearer bench-token")
                      .header("MS-Contract-Version", "v1")
                      .header("MS-PartnerCenter-Application", PartnerCenterClient.APPLICATION)
                      .header("MS-CorrelationId", correlation)
                      .header("MS-RequestId", UUID.randomUUID().toString())
                      .GET()
                      .build();
              try {
                HttpResponse<String> r = bare.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200)
                  throw new IllegalStateException("GET answered " + r.statusCode());
              } catch (IOException e) {
                throw new IllegalStateException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            }
          };
      viaPcsh.run(); // warm-up: both paths compiled before anything is timed
      viaBare.run();
      // pairs of blocks close in time, in alternating order (ABBA), so drift and order cancel out
      // of the ratio
      List<Double> pcshMs = new ArrayList<>();
      List<Double> bareMs = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      int pairs = Math.max(4, Math.min(15, options.runs() * 2));
      for (int r = 0; r < pairs; r++) {
        double p;
        double b;
        if (r % 2 == 0) {
          p = perRequestMs(viaPcsh, options);
          b = perRequestMs(viaBare, options);
        } else {
          b = perRequestMs(viaBare, options);
          p = perRequestMs(viaPcsh, options);
        }
        pcshMs.add(p);
        bareMs.add(b);
        ratios.add(p / b);
      }
      double ratio = Bench.median(ratios);
      rows.add(
          new Bench.Row(
              "request: customer GET x" + options.requests() + ", pcsh (Feign)",
              Bench.stats(pcshMs, "ms/req"),
              ""));
      rows.add(
          new Bench.Row(
              "request: same GETs, bare JDK HttpClient", Bench.stats(bareMs, "ms/req"), ""));
      rows.add(
          Bench.Row.goal(
              "request overhead ratio (Feign / bare)",
              String.format(Locale.ROOT, "%.2f x (median of %d paired blocks)", ratio, pairs),
              "<= 1.2 x",
              ratio <= 1.2));
    }
    return rows;
  }

  private static double perRequestMs(Runnable loop, Bench.Options options) {
    long start = System.nanoTime();
    loop.run();
    return (System.nanoTime() - start) / 1e6 / options.requests();
  }
}
