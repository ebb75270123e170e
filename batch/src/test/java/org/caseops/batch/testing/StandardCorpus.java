package org.caseops.batch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;

/**
 * A small case: Adele's mailbox (three .eml files, one with a text attachment and one with a PDF
 * attachment, and an mbox of three messages with tricky quoting) and the legal site (a PDF, a text
 * memo, a corrupt PDF and a password-protected PDF in a sub-folder). Ten items: eight can be
 * indexed, two cannot (one corrupt, one encrypted).
 */
public final class StandardCorpus {
  public static final String SITE_URL = "https://contoso.sharepoint.com/sites/legal";

  /** The first mbox message as written by its author; in the mbox it is mboxrd-quoted. */
  public static final String MBOX_MESSAGE_1 =
      "From: Adele Vance <adele@contoso.com>\n"
          + "To: team@contoso.com\n"
          + "Subject: Budget kickoff\n"
          + "Date: Mon, 13 Mar 2023 09:00:00 +0000\n"
          + "Message-ID: <m1@contoso.com>\n"
          + "\n"
          + "Hello team.\n"
          + "From the start we agreed on the budget.\n"
          + ">From nested quotes keep one marker.\n"
          + "Thanks, Adele\n";

  /**
   * The second: a body line starts with "From " but is no message boundary (no blank line before
   * it).
   */
  public static final String MBOX_MESSAGE_2 =
      "From: Megan Bowen <megan@contoso.com>\n"
          + "To: adele@contoso.com\n"
          + "Subject: Plan update\n"
          + "Date: Mon, 13 Mar 2023 10:00:00 +0000\n"
          + "Message-ID: <m2@contoso.com>\n"
          + "\n"
          + "Notes:\n"
          + "From here on the plan changes at 10:30 today.\n"
          + "Regards, Megan\n";

  public static final String MBOX_MESSAGE_3 =
      "From: Lee Gu <lee@contoso.com>\n"
          + "To: adele@contoso.com\n"
          + "Subject: Sightings\n"
          + "Date: Mon, 13 Mar 2023 11:00:00 +0000\n"
          + "Message-ID: <m3@contoso.com>\n"
          + "\n"
          + "The last message mentions the walrus.\n";

  public static final String MBOX_FROM_1 = "From adele@contoso.com Mon Mar 13 09:00:00 2023\n";
  public static final String MBOX_FROM_2 = "From megan@contoso.com Mon Mar 13 10:00:00 2023\n";
  public static final String MBOX_FROM_3 = "From lee@contoso.com Mon Mar 13 11:00:00 2023\n";

  public final EdiscoveryCase ediscoveryCase;
  public final Custodian adele;
  public final CustodianSource mailbox;
  public final CustodianSource site;
  public final Path mailboxFolder;
  public final Path siteFolder;

  /** The mbox file's bytes and its messages' offsets. */
  public final String mbox;

  public final long[] mboxOffsets;

  public StandardCorpus(IndexJobHarness harness) throws IOException {
    ediscoveryCase = harness.newCase();
    adele = harness.newCustodian(ediscoveryCase.getId(), "adele@contoso.com");
    mailbox = harness.mailbox(adele);
    site = harness.site(adele, SITE_URL);
    mailboxFolder = harness.folderOf(mailbox);
    siteFolder = harness.folderOf(site);

    Evidence.write(
        mailboxFolder.resolve("inbox/2023-03-14-forecast.eml"),
        Evidence.message(
            "Adele Vance <adele@contoso.com>",
            "Megan Bowen <megan@contoso.com>",
            "Lee Gu <lee@contoso.com>",
            "Quarterly forecast",
            "Tue, 14 Mar 2023 10:15:00 +0000",
            "<q1@contoso.com>",
            "The forecast for the quarter looks strong.\nSee you at the review."));
    Evidence.write(
        mailboxFolder.resolve("inbox/2023-03-15-shipment.eml"),
        Evidence.messageWithAttachment(
            "Megan Bowen <megan@contoso.com>",
            "Adele Vance <adele@contoso.com>",
            "Shipment notes",
            "Wed, 15 Mar 2023 08:30:00 +0000",
            "<s1@contoso.com>",
            "Notes attached.",
            "notes.txt",
            "text/plain",
            "The pineapple shipment arrives Thursday.".getBytes(StandardCharsets.UTF_8)));
    Evidence.write(
        mailboxFolder.resolve("sent/2023-03-16-contract.eml"),
        Evidence.messageWithAttachment(
            "Adele Vance <adele@contoso.com>",
            "legal@fabrikam.com",
            "Signed contract",
            "Thu, 16 Mar 2023 16:00:00 +0000",
            "<c1@contoso.com>",
            "The signed contract is attached.",
            "contract.pdf",
            "application/pdf",
            Evidence.pdf("Delivery by zeppelin is excluded.", null)));

    String quoted1 =
        MBOX_MESSAGE_1
            .replace("\nFrom the start", "\n>From the start")
            .replace("\n>From nested", "\n>>From nested");
    String part1 = MBOX_FROM_1 + quoted1 + "\n";
    String part2 = MBOX_FROM_2 + MBOX_MESSAGE_2 + "\n";
    String part3 = MBOX_FROM_3 + MBOX_MESSAGE_3 + "\n";
    mbox = part1 + part2 + part3;
    mboxOffsets = new long[] {0, part1.length(), part1.length() + part2.length()};
    Evidence.write(mailboxFolder.resolve("archive.mbox"), mbox);

    Evidence.write(
        siteFolder.resolve("report.pdf"), Evidence.pdf("The merger closes in April.", null));
    Evidence.write(siteFolder.resolve("memo.txt"), "Plain text memo about zebras.\n");
    Evidence.write(
        siteFolder.resolve("broken.pdf"),
        "%PDF-1.7\nthis is not a PDF at all, only its first line is\n"
            .getBytes(StandardCharsets.US_ASCII));
    Evidence.write(
        siteFolder.resolve("contracts/locked.pdf"), Evidence.pdf("Classified terms.", "secret"));
  }

  public String caseId() {
    return ediscoveryCase.getId();
  }
}
