package pcsh.session;

import java.util.Objects;
import java.util.Optional;

/**
 * The customer the shell works on: the id is a tenant GUID; the rest is for display, including its
 * qualification once a command has read it.
 */
public record SelectedCustomer(
    String id, String companyName, String domain, Optional<String> qualification) {

  public SelectedCustomer {
    Objects.requireNonNull(id);
    Objects.requireNonNull(qualification);
  }

  public SelectedCustomer(String id, String companyName, String domain) {
    this(id, companyName, domain, Optional.empty());
  }

  public String label() {
    return companyName == null || companyName.isBlank() ? id : companyName;
  }

  public SelectedCustomer withQualification(String q) {
    return new SelectedCustomer(id, companyName, domain, Optional.ofNullable(q));
  }
}
