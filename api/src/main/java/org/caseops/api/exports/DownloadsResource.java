package org.caseops.api.exports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.errors.ErrorResponses;
import org.caseops.api.errors.GraphError;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.odata.GraphRequest;
import org.caseops.domain.exports.ExportFile;

/**
 * {@code {version}/caseops/cases/{caseId}/downloads/{fileId}}: an export file's bytes (a caseops
 * addition). Reached with a bearer token that may read, or without one through the {@code
 * downloadUrl} of the operation's {@code exportFileMetadata}, whose {@code grant} the
 * authentication filter has checked for this file. Streamed from disk with {@code Content-Length},
 * {@code ETag} (the file's SHA-256), {@code Content-Disposition: attachment}, {@code
 * Accept-Ranges}; a single {@code Range} gets 206 with {@code Content-Range} (416 when it lies past
 * the end), and {@code If-Range} with another ETag gets the whole file.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/caseops/cases/{caseId}/downloads")
public class DownloadsResource {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  @Inject ExportDownloads downloads;
  @Inject HttpServletRequest servletRequest;

  @GET
  @Path("{fileId}")
  public Response download(
      @BeanParam GraphRequest request,
      @PathParam("fileId") String rawFileId,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange,
      @Context HttpHeaders headers) {
    String caseId = request.caseId();
    String fileId = Lookups.urlHex32(rawFileId, "export file");
    ExportDownloads.Located located = downloads.find(caseId, fileId);
    ExportFile file = located.file();
    long size;
    try {
      size = java.nio.file.Files.size(located.path());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("The export file cannot be read.", e);
    }
    String etag = "\"" + file.getSha256() + "\"";
    long start = 0;
    long end = size - 1;
    boolean partial = false;
    if (range != null && (ifRange == null || ifRange.trim().equals(etag))) {
      Matcher m = RANGE.matcher(range.trim());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        if (m.group(1).isEmpty()) {
          long suffix = Long.parseLong(m.group(2));
          start = Math.max(0, size - suffix);
        } else {
          start = Long.parseLong(m.group(1));
          if (!m.group(2).isEmpty()) {
            end = Math.min(end, Long.parseLong(m.group(2)));
          }
        }
        if (start >= size || start > end || (m.group(1).isEmpty() && size == 0)) {
          return ErrorResponses.builder(
                  servletRequest,
                  416,
                  new GraphError(
                      ErrorCode.badRequest,
                      "The range '" + range + "' lies outside the file's " + size + " bytes."))
              .header("Content-Range", "bytes */" + size)
              .build();
        }
        partial = true;
      }
    }
    long from = start;
    long length = size == 0 ? 0 : end - start + 1;
    StreamingOutput body =
        out -> {
          try (FileChannel channel = FileChannel.open(located.path(), StandardOpenOption.READ)) {
            channel.position(from);
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[65536];
            long left = length;
            while (left > 0) {
              int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
              if (n < 0) {
                break;
              }
              out.write(buffer, 0, n);
              left -= n;
            }
          }
        };
    Response.ResponseBuilder answer =
        Response.status(partial ? 206 : 200)
            .entity(body)
            .type(mediaType(file.getFileName()))
            .header(HttpHeaders.CONTENT_LENGTH, length)
            .header("Accept-Ranges", "bytes")
            .header(HttpHeaders.ETAG, etag)
            .header("Content-Disposition", disposition(file.getFileName()));
    if (partial) {
      answer.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
    }
    return answer.build();
  }

  static String mediaType(String name) {
    if (name.endsWith(".zip")) {
      return "application/zip";
    }
    if (name.endsWith(".csv")) {
      return "text/csv; charset=UTF-8";
    }
    return "application/octet-stream";
  }

  static String disposition(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return "attachment; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
