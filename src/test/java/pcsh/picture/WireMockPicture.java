package pcsh.picture;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static pcsh.picture.Documented.CUSTOMER;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import pcsh.api.PartnerCenterClient;

/**
 * The customer's picture against WireMock serving the JSON spec 17 to 22 documents ({@link
 * Documented}); WireMock fails a test on any request no stub matches, and the requests sent are
 * checked.
 */
abstract class WireMockPicture {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().globalTemplating(true))
          .failOnUnmatchedRequests(true)
          .build();

  boolean appOnly;
  final PartnerCenterClient client =
      new PartnerCenterClient(
          wm::baseUrl,
          () -> Optional.of("test-token"),
          () -> "0d9a8b7c-6e5f-4a3b-9c2d-1e0f2a3b4c5d",
          Duration.ofSeconds(5),
          Duration.ofSeconds(10));
  final CustomerPicture picture = new CustomerPicture(client, () -> appOnly);

  static String subscriptionsPath() {
    return "/v1/customers/" + CUSTOMER + "/subscriptions";
  }

  /** The requests sent, oldest first. */
  static List<LoggedRequest> sent() {
    List<LoggedRequest> out = new ArrayList<>();
    wm.getAllServeEvents().forEach(e -> out.add(0, e.getRequest()));
    return out;
  }
}
