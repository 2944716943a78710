package pcsh.qualification;

import java.util.List;
import java.util.Optional;
import pcsh.api.Customer;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PlannedRequest;
import pcsh.api.QualificationKind;
import pcsh.api.ValidationCode;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * Where a single qualification write is decided and sent. {@link #plan} reads the customer and its
 * qualification, refuses locally what the documented rules forbid (GCC on a qualified customer,
 * Education with GCC, an unknown or used-up validation code) and returns the request for the user
 * to see and confirm; {@link #send} settles any journal entry left without an outcome, then sends
 * the write through the {@link QualificationWriter} (journalled, read back when unanswered, never
 * repeated blindly).
 */
public final class Qualifier {

  /**
   * What pcsh read and would send. {@code alreadyHas} is present (the target and its vetting
   * status) when the customer already has the qualification, so there is nothing to send.
   */
  public record Plan(
      Customer customer,
      String customerId,
      String customerName,
      QualificationState before,
      QualificationWrite write,
      PlannedRequest request,
      Optional<String> alreadyHas) {}

  private final PartnerCenterClient client;
  private final QualificationWriter writer;

  public Qualifier(PartnerCenterClient client, QualificationWriter writer) {
    this.client = client;
    this.writer = writer;
  }

  /**
   * Reads and checks; throws a refusal {@link Failure} when the rules forbid the write. Sends
   * nothing.
   */
  public Plan plan(String customerId, QualificationWrite write) {
    Customer customer = client.customer(customerId);
    QualificationState state = writer.read(customerId);
    String name =
        Text.oneLine(customer.companyName() == null ? customerId : customer.companyName());
    Optional<String> already = QualificationRules.alreadyHas(state, write.kind());
    if (already.isEmpty()) {
      QualificationRules.refusal(state, write.kind())
          .ifPresent(
              reason -> {
                throw Failure.refused(
                    name + ": " + reason + " Nothing was sent.",
                    "see the customer's state with `qualification show`.");
              });
      if (write.kind() == QualificationKind.GOVERNMENT_COMMUNITY_CLOUD) checkCode(write.code());
    }
    return new Plan(
        customer, customerId, name, state, write, write.plan(client, customerId), already);
  }

  /** Sends a planned write (after settling the journal); it is never sent again blindly. */
  public QualificationWriter.Outcome send(Plan plan) {
    writer.reconcile();
    String requestId = PartnerCenterClient.newRequestId();
    try {
      return writer.send(
          plan.customerId(),
          plan.write(),
          plan.before(),
          requestId,
          QualificationWriter.Throttled.NEVER);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void checkCode(String code) {
    List<ValidationCode> codes = client.validationCodes();
    Optional<ValidationCode> match =
        codes.stream().filter(v -> code.equals(v.validationId())).findFirst();
    if (match.isEmpty()) {
      throw Failure.refused(
          "'" + code + "' is not one of the partner's validation codes. Nothing was sent.",
          "list the codes with `validation-codes list`.");
    }
    if (match.get().exhausted()) {
      throw Failure.refused(
          "Validation code "
              + code
              + " ("
              + Text.oneLine(match.get().organizationName())
              + ") has no creates remaining (0 of "
              + match.get().maxCreates()
              + "). Nothing was sent.",
          "pick a code with creates remaining from `validation-codes list`.");
    }
  }
}
