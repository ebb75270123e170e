package org.caseops.batch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;

/**
 * A generated case whose true counts are known from how it was written, not from any index. Adele's
 * mailbox: an mbox of {@value #MBOX} messages; message i comes from fabrikam.com when i is even
 * (contoso.com otherwise), mentions the walrus when i % 5 == 0 (in the subject too when i % 10 ==
 * 0, so one item matches in two parts), and was sent on 2023-03-(1 + i % 28) at noon UTC. Megan's
 * mailbox: {@value #EML} .eml messages, from fabrikam.com and mentioning the walrus when i is even,
 * plus {@code copy.eml}, byte for byte message 0. Adele's site: {@value #DOCS} text documents, the
 * walrus in the first {@value #SITE_WALRUS}, and a corrupt PDF that cannot be indexed.
 */
public final class SearchCorpus {
  public static final int MBOX = 30;
  public static final int EML = 10;
  public static final int DOCS = 4;
  public static final int SITE_WALRUS = 2;

  public final EdiscoveryCase ediscoveryCase;
  public final CustodianSource adeleMail;
  public final CustodianSource adeleSite;
  public final CustodianSource meganMail;
  public final Path meganFolder;
  public final long[] mboxSizes = new long[MBOX];
  public final long[] emlSizes = new long[EML];
  public final long[] docSizes = new long[DOCS];
  public final long brokenSize;

  public SearchCorpus(IndexJobHarness h) throws IOException {
    ediscoveryCase = h.newCase();
    Custodian adele = h.newCustodian(ediscoveryCase.getId(), "adele@contoso.com");
    Custodian megan = h.newCustodian(ediscoveryCase.getId(), "megan@contoso.com");
    adeleMail = h.mailbox(adele);
    adeleSite = h.site(adele, "https://contoso.sharepoint.com/sites/legal");
    meganMail = h.mailbox(megan);

    StringBuilder mbox = new StringBuilder();
    for (int i = 0; i < MBOX; i++) {
      String domain = i % 2 == 0 ? "fabrikam.com" : "contoso.com";
      String subject = i % 10 == 0 ? "Walrus sighting " + i : "Weekly note " + i;
      String body =
          i % 5 == 0
              ? "We saw the walrus near pier " + i + "."
              : "Nothing unusual at pier " + i + ".";
      String message =
          "From: Sender "
              + i
              + " <sender"
              + i
              + "@"
              + domain
              + ">\n"
              + "To: adele@contoso.com\n"
              + "Subject: "
              + subject
              + "\n"
              + String.format("Date: %02d Mar 2023 12:00:00 +0000", 1 + i % 28)
              + "\n"
              + "Message-ID: <a"
              + i
              + "@example.com>\n"
              + "\n"
              + body
              + "\n";
      mboxSizes[i] = message.getBytes(StandardCharsets.UTF_8).length;
      mbox.append("From sender")
          .append(i)
          .append("@")
          .append(domain)
          .append(" Wed Mar 01 12:00:00 2023\n");
      mbox.append(message).append("\n");
    }
    Evidence.write(h.folderOf(adeleMail).resolve("archive.mbox"), mbox.toString());

    meganFolder = h.folderOf(meganMail);
    for (int i = 0; i < EML; i++) {
      boolean even = i % 2 == 0;
      String message =
          Evidence.message(
              "Partner <partner" + i + "@" + (even ? "fabrikam.com" : "contoso.com") + ">",
              "megan@contoso.com",
              null,
              "Status " + i,
              "Thu, 02 Mar 2023 09:00:00 +0000",
              "<m" + i + "@example.com>",
              even ? "The walrus report, part " + i + "." : "The harbour report, part " + i + ".");
      Path file = Evidence.write(meganFolder.resolve("inbox/m" + i + ".eml"), message);
      emlSizes[i] = Files.size(file);
      if (i == 0) {
        Evidence.write(meganFolder.resolve("copy.eml"), message);
      }
    }

    Path site = h.folderOf(adeleSite);
    for (int i = 0; i < DOCS; i++) {
      String text =
          i < SITE_WALRUS
              ? "Memo " + i + " about the walrus enclosure.\n"
              : "Memo " + i + " about budgets.\n";
      docSizes[i] = Files.size(Evidence.write(site.resolve("memo" + i + ".txt"), text));
    }
    byte[] broken = "%PDF-1.7\nnot a PDF beyond this line\n".getBytes(StandardCharsets.US_ASCII);
    Evidence.write(site.resolve("broken.pdf"), broken);
    brokenSize = broken.length;
  }

  public String caseId() {
    return ediscoveryCase.getId();
  }

  /** The mbox messages for which the condition holds. */
  public List<Integer> mbox(java.util.function.IntPredicate condition) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < MBOX; i++) {
      if (condition.test(i)) {
        found.add(i);
      }
    }
    return found;
  }

  public long mboxSize(List<Integer> messages) {
    return messages.stream().mapToLong(i -> mboxSizes[i]).sum();
  }

  /** Megan's walrus messages: the even ones, and the copy of message 0. */
  public int meganWalrusCount() {
    return EML / 2 + 1;
  }

  public long meganWalrusSize() {
    long size = emlSizes[0];
    for (int i = 0; i < EML; i += 2) {
      size += emlSizes[i];
    }
    return size;
  }

  public long siteWalrusSize() {
    long size = 0;
    for (int i = 0; i < SITE_WALRUS; i++) {
      size += docSizes[i];
    }
    return size;
  }
}
