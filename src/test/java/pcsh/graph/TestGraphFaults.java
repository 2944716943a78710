package pcsh.graph;

/** Builds {@link GraphException}s as the Graph client would, for tests of other packages. */
public final class TestGraphFaults {
  private TestGraphFaults() {}

  public static GraphException response(int status, String code, String message) {
    return new GraphException(
        GraphException.Kind.RESPONSE,
        status,
        code,
        message,
        "GET",
        "https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships",
        "req-graph-1",
        "client-req-1",
        "2026-11-25T10:00:00");
  }

  public static GraphException noResponse() {
    return new GraphException(
        GraphException.Kind.NO_RESPONSE,
        0,
        null,
        "no response from Microsoft Graph (ConnectException)",
        "GET",
        "https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships",
        null,
        "client-req-2",
        null);
  }
}
