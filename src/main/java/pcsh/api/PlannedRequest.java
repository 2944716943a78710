package pcsh.api;

/** A write as it will go on the wire, shown before confirmation and by {@code --dry-run}. */
public record PlannedRequest(String method, String pathAndQuery, String body) {}
