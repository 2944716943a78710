package pcsh.session;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The shell's state as one immutable value: who is signed in, which customer is selected, and the
 * correlation id that ties every request of this shell session together. Transitions return new
 * values.
 */
public record Session(
    String correlationId,
    Optional<Principal> principal,
    Optional<SelectedCustomer> customer,
    Optional<SelectedCustomer> previous) {

  public Session {
    Objects.requireNonNull(correlationId);
    Objects.requireNonNull(principal);
    Objects.requireNonNull(customer);
    Objects.requireNonNull(previous);
  }

  public static Session start(Optional<Principal> principal) {
    return new Session(UUID.randomUUID().toString(), principal, Optional.empty(), Optional.empty());
  }

  public Session signedIn(Principal p) {
    return new Session(correlationId, Optional.of(p), customer, previous);
  }

  /** Signing out keeps the selection, so a later sign-in continues where the user was. */
  public Session signedOut() {
    return new Session(correlationId, Optional.empty(), customer, previous);
  }

  /** Selecting remembers the customer it replaces, for {@code use customer -}. */
  public Session selecting(SelectedCustomer c) {
    boolean same = customer.map(old -> old.id().equals(c.id())).orElse(false);
    return new Session(correlationId, principal, Optional.of(c), same ? previous : customer);
  }

  /** Records what a command read of a customer's qualification, if it is the selected one. */
  public Session knowingQualification(String customerId, String qualification) {
    Optional<SelectedCustomer> updated =
        customer.map(
            c -> c.id().equalsIgnoreCase(customerId) ? c.withQualification(qualification) : c);
    return new Session(correlationId, principal, updated, previous);
  }
}
