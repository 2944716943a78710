package pcsh.auth;

/**
 * One way to sign in, chosen by {@code login}'s options; each has a class of its own. A flow asks
 * the user for what it needs and returns what to keep: {@link Authenticator} keeps it only once the
 * flow has succeeded, so a failed sign-in leaves the current one in place.
 */
interface SignInFlow {

  SignIn signIn(LoginRequest req, Interaction ui);
}
