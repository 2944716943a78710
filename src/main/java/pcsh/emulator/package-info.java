/**
 * An embedded emulator of the Microsoft Partner Center REST API (customers, qualifications, GCC
 * validation codes, audit records, and the customer's profiles, indirect resellers, subscriptions,
 * licences, users, account status and service requests).
 *
 * <p>It depends only on the JDK HTTP server and Jackson, and keeps its own JSON shapes, so a wrong
 * property name in the shell's client shows up against the emulator instead of round-tripping
 * through shared DTOs. The seam is {@link pcsh.emulator.Emulator}, {@link
 * pcsh.emulator.EmulatorConfig}, {@link pcsh.emulator.Faults}, {@link pcsh.emulator.LegacyCasing}
 * and {@link pcsh.emulator.SeedCustomers}; everything else is package-private.
 *
 * <p>Writes honour {@code MS-RequestId} as their idempotency key, and {@link pcsh.emulator.Faults}
 * injects seeded, reproducible failures (latency, 429 bursts, 5xx, malformed bodies, expired
 * tokens, MFA refusals, dropped connections, Graph answering 403 or 503).
 *
 * <p>Beside Partner Center it serves Microsoft Graph's GDAP reads (relationships and access
 * assignments) under {@code /v1.0/}, in Graph's shapes ({@link pcsh.emulator.GraphRoutes}).
 */
package pcsh.emulator;
