package pcsh.api;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body taken whole, up to {@code max} bytes: a longer one (announced by Content-Length
 * or as it arrives) is abandoned, the connection closed, and the exchange fails with an {@link
 * UnusableExchange}, so no answer can take more memory than that. {@link #abort} gives up on a body
 * still arriving (the read timeout, Ctrl-C).
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final int max;
  private final int status;
  private final long declared;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<ByteBuffer> parts = new ArrayList<>();
  private long size;
  private volatile Flow.Subscription subscription;

  CappedBody(int max, HttpResponse.ResponseInfo info) {
    this.max = max;
    this.status = info.statusCode();
    this.declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declared > max) abort(tooLarge(declared));
    if (result.isDone()) s.cancel();
    else s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) return;
    for (ByteBuffer b : items) {
      size += b.remaining();
      if (size > max) {
        abort(tooLarge(-1));
        return;
      }
      parts.add(b);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    byte[] all = new byte[(int) size];
    int at = 0;
    for (ByteBuffer b : parts) {
      int n = b.remaining();
      b.get(all, at, n);
      at += n;
    }
    parts.clear();
    result.complete(all);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  /** Gives up on the body: the exchange fails with {@code why} and the connection is closed. */
  void abort(Throwable why) {
    result.completeExceptionally(why);
    Flow.Subscription s = subscription;
    if (s != null) s.cancel();
  }

  private UnusableExchange tooLarge(long length) {
    return new UnusableExchange(
        PartnerCenterException.Kind.UNREADABLE,
        status,
        "the answer is larger than "
            + max / (1024 * 1024)
            + " MB"
            + (length > 0 ? " (Content-Length " + length + ")" : "")
            + ", more than any Partner Center answer, so pcsh stopped reading it");
  }
}
