package pcsh.emulator;

import java.util.List;

/**
 * A request failure that becomes an ApiFault body (spec 9.1); thrown before any state is changed.
 */
final class ApiException extends RuntimeException {

  private final int status;
  private final int code;
  private final List<String> data;

  ApiException(int status, int code, String description) {
    this(status, code, description, List.of());
  }

  /** With the ApiFault's {@code data} entries (spec 9.1: "only for some errors"). */
  ApiException(int status, int code, String description, List<String> data) {
    super(description, null, false, false);
    this.status = status;
    this.code = code;
    this.data = List.copyOf(data);
  }

  List<String> data() {
    return data;
  }

  int status() {
    return status;
  }

  int code() {
    return code;
  }

  String description() {
    return getMessage();
  }

  /** 400 / 800002 "Invalid request input" with a precise description. */
  static ApiException badInput(String description) {
    return new ApiException(400, 800002, description);
  }

  /** 400 / 900126, the documented text for a value that is no member of an enum. */
  static ApiException unparseableEnum(String value) {
    return new ApiException(400, 900126, "Unable to parse enum: " + value);
  }

  /**
   * 400 / 3000 "Invalid property": the emulator's choice for refused qualification writes
   * (undocumented, Q11).
   */
  static ApiException refused(String description) {
    return new ApiException(400, 3000, description);
  }

  /**
   * 409 / 3000: the customer already has what was asked for (status per the SDK's AlreadyExists
   * mapping).
   */
  static ApiException conflict(String description) {
    return new ApiException(409, 3000, description);
  }
}
