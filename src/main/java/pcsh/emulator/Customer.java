package pcsh.emulator;

/** A customer in the (immutable) directory; its qualifications live in {@link EmulatorState}. */
record Customer(String id, String companyName, String domain) {}
