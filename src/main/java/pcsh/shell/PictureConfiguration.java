package pcsh.shell;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pcsh.access.AccessCheck;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RateLimiter;
import pcsh.audit.AuditTrail;
import pcsh.auth.Authenticator;
import pcsh.picture.CustomerPicture;
import pcsh.picture.Overview;
import pcsh.picture.SeenSubscriptions;
import pcsh.picture.SignInKind;
import pcsh.qualification.QualificationWriter;
import pcsh.session.SessionHolder;

/**
 * The customer's picture: its reads (told whether pcsh is signed in app-only, to explain a 403),
 * the subscriptions seen for completion, and {@code customer overview} with the session's rate
 * limit.
 */
@Configuration(proxyBeanMethods = false)
class PictureConfiguration {

  /** Partner Center's documented limit: 500 requests a minute per tenant (spec 17). */
  static final int REQUESTS_PER_MINUTE = 500;

  /** One overview's requests may go at once; the minute's budget still holds. */
  static final int BURST = 16;

  @Bean
  CustomerPicture customerPicture(
      PartnerCenterClient client, SessionHolder session, Authenticator auth) {
    return new CustomerPicture(client, SignInKind.appOnly(session, auth));
  }

  @Bean
  SeenSubscriptions seenSubscriptions() {
    return new SeenSubscriptions();
  }

  @Bean
  Overview overview(
      CustomerPicture picture,
      QualificationWriter writer,
      PartnerCenterClient client,
      AccessCheck access) {
    AuditTrail audit = new AuditTrail(client);
    return new Overview(
        picture,
        writer::read,
        audit::lastQualificationChange,
        access::read,
        client,
        RateLimiter.perMinute(REQUESTS_PER_MINUTE, BURST),
        Clock.systemUTC());
  }
}
