package org.caseops.batch.pdf;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.reviewsets.ReviewSetItem;

/**
 * The convertToPdf use case for one review-set file: reads its content from the case's content
 * store and renders it ({@link PdfRenderer}): a message (a file of kind {@code email}) with its
 * header block, body and attachments; a native PDF as it is; any other document as its text. The
 * rendition is stored in the content store under its SHA-256, once per case. Each instance renders
 * on one thread at a time, with its own renderer.
 */
@Dependent
public class FileRenderer {
  /** The largest content read to be rendered when the job is not told otherwise: 50 MiB. */
  public static final long DEFAULT_MAX_ITEM_BYTES = 50L * 1024 * 1024;

  /** The most characters of text laid out per body or attachment: 2 million. */
  public static final int DEFAULT_TEXT_LIMIT = 2_000_000;

  private final ContentStore store;
  private final RenditionSources sources;
  private PdfRenderer renderer;

  /** A stored rendition: its SHA-256 in the content store, size, pages and replaced characters. */
  public record Stored(String sha256, long size, int pages, long replacedCharacters) {}

  /** Why a file cannot be rendered, in words fit for the operation's result. */
  public static final class NotRenderableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotRenderableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Inject
  public FileRenderer(ContentStore store, RenditionSources sources) {
    this.store = store;
    this.sources = sources;
  }

  /**
   * Renders the file and stores the rendition in the case's content store (a native PDF is its own
   * rendition, stored already).
   *
   * @throws NotRenderableException when its content is missing, too large or cannot be read as its
   *     type
   * @throws IOException when the rendition cannot be stored
   */
  public Stored renderAndStore(String caseId, ReviewSetItem file, long maxBytes, int textLimit)
      throws NotRenderableException, IOException {
    byte[] content = content(caseId, file, maxBytes);
    Rendition rendition = render(file, content, textLimit);
    String sha;
    if (rendition.pdf() == content) {
      sha = file.getSha256();
    } else {
      sha = store.put(caseId, new ByteArrayInputStream(rendition.pdf()));
    }
    return new Stored(
        sha, rendition.pdf().length, rendition.pages(), rendition.replacedCharacters());
  }

  /**
   * The rendition of a file whose content is given.
   *
   * @throws NotRenderableException when the content cannot be read as its type
   */
  public Rendition render(ReviewSetItem file, byte[] content, int textLimit)
      throws NotRenderableException {
    String as = "a document";
    try {
      if ("email".equals(file.getKind())) {
        as = "a message";
        return renderer().renderMessage(sources.message(content, textLimit), file.getSha256());
      }
      if (isPdf(file, content)) {
        as = "a PDF";
        return PdfRenderer.keepNative(content);
      }
      String text = sources.documentText(content, file.getName(), textLimit);
      return renderer().renderText(file.getName(), text, file.getSha256());
    } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
      throw new NotRenderableException("it cannot be read as " + as + ": " + describe(e), e);
    }
  }

  /**
   * Why the file cannot be rendered, found by trying it again (nothing is stored): the words of
   * {@link NotRenderableException}, or empty when it renders now.
   *
   * @throws IOException when its content cannot be read
   */
  public Optional<String> whyNotRenderable(
      String caseId, ReviewSetItem file, long maxBytes, int textLimit) throws IOException {
    try {
      render(file, content(caseId, file, maxBytes), textLimit);
      return Optional.empty();
    } catch (NotRenderableException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static boolean isPdf(ReviewSetItem file, byte[] content) {
    String type = file.getContentType();
    boolean declared =
        type != null && type.toLowerCase(Locale.ROOT).startsWith("application/pdf")
            || file.getName() != null && file.getName().toLowerCase(Locale.ROOT).endsWith(".pdf");
    return declared && PdfRenderer.looksLikePdf(content);
  }

  private byte[] content(String caseId, ReviewSetItem file, long maxBytes)
      throws NotRenderableException, IOException {
    if (file.getSize() > maxBytes) {
      throw new NotRenderableException(
          "it is larger (" + file.getSize() + " bytes) than the limit of " + maxBytes, null);
    }
    try (InputStream in =
        store
            .open(caseId, file.getSha256())
            .orElseThrow(
                () ->
                    new NotRenderableException(
                        "its content is not in the case's content store", null))) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new NotRenderableException("it is larger than the limit of " + maxBytes, null);
      }
      return bytes;
    }
  }

  private PdfRenderer renderer() {
    if (renderer == null) {
      renderer = new PdfRenderer();
    }
    return renderer;
  }

  private static String describe(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName();
    }
    String line = message.strip().lines().findFirst().orElse(message);
    return line.length() <= 200 ? line : line.substring(0, 200);
  }

  @PreDestroy
  void close() {
    if (renderer != null) {
      try {
        renderer.close();
      } catch (IOException e) {
        // the font is held in memory: nothing to release
      }
      renderer = null;
    }
  }
}
