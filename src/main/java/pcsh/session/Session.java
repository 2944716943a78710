package pcsh.session;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The shell's state as one immutable value: who is signed in, which customer is selected, and the
 * correlation id that ties every request of this shell session together. Transitions return new values.
 */
public record Session(
    String correlationId,
    Optional<Principal> principal,
    Optional<SelectedCustomer> customer) {

  public Session {
    Objects.requireNonNull(correlationId);
    Objects.requireNonNull(principal);
    Objects.requireNonNull(customer);
  }

  public static Session start(Optional<Principal> principal) {
    return new Session(UUID.randomUUID().toString(), principal, Optional.empty());
  }

  public Session signedIn(Principal p) {
    return new Session(correlationId, Optional.of(p), customer);
  }

  /** Signing out keeps the selection, so a later sign-in continues where the user was. */
  public Session signedOut() {
    return new Session(correlationId, Optional.empty(), customer);
  }

  public Session selecting(SelectedCustomer c) {
    return new Session(correlationId, principal, Optional.of(c));
  }
}
