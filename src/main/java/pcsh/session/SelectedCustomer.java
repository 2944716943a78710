package pcsh.session;

/** The customer the shell works on; the id is a tenant GUID, the rest is for display. */
public record SelectedCustomer(String id, String companyName, String domain) {

  public String label() {
    return companyName == null || companyName.isBlank() ? id : companyName;
  }
}
