package org.caseops.batch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.batch.runtime.BatchStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.testing.Evidence;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedFailures;
import org.caseops.batch.testing.OperationJournal;
import org.caseops.batch.testing.StandardCorpus;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.SourceItemStats;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.ItemFailureRepository;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The index job on JBeret SE, over evidence the tests write. */
class IndexJobTest {
  private static final String FULL_RESULT =
      "Indexed 8 items; 0 unchanged; 2 unindexed (1 corrupt, 1 encrypted).";

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void indexesMessagesAndDocumentsAndRecordsWhatCannotBeIndexed(TestDatabase.Kind kind)
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      StandardCorpus corpus = new StandardCorpus(h);
      String caseId = corpus.caseId();

      String operationId = h.submitIndex(caseId, null);
      CaseOperation done = h.awaitOperation(operationId);

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getResultInfo().getCode()).isEqualTo(207);
      assertThat(done.getResultInfo().getMessage()).isEqualTo(FULL_RESULT);
      assertThat(done.getPercentProgress()).isEqualTo(100);
      assertThat(done.getCompletedDateTime()).isNotNull();
      assertThat(OperationJournal.of(operationId)).containsExactly("running", "partiallySucceeded");
      // The work behind the percentage: every byte of the sources, read.
      assertThat(done.getWorkUnit()).isEqualTo("bytes");
      assertThat(done.getWorkTotal()).isPositive();
      assertThat(done.getWorkDone()).isEqualTo(done.getWorkTotal());

      assertThat(h.items.statsOfCase(caseId))
          .extracting(
              SourceItemStats::sourceId,
              SourceItemStats::indexedItemCount,
              SourceItemStats::unindexedItemCount)
          .containsExactlyInAnyOrder(
              tuple(corpus.mailbox.getId(), 6L, 0L), tuple(corpus.site.getId(), 2L, 2L));

      Map<String, Item> mail = byLocation(h.items.listInSource(corpus.mailbox.getId(), 0, 100));
      assertThat(mail)
          .containsOnlyKeys(
              "archive.mbox#" + corpus.mboxOffsets[0],
              "archive.mbox#" + corpus.mboxOffsets[1],
              "archive.mbox#" + corpus.mboxOffsets[2],
              "inbox/2023-03-14-forecast.eml",
              "inbox/2023-03-15-shipment.eml",
              "sent/2023-03-16-contract.eml");
      assertThat(corpus.mboxOffsets[1]).isEqualTo(corpus.mbox.indexOf(StandardCorpus.MBOX_FROM_2));
      // Each mbox message is catalogued as its author wrote it: quoting removed, From_ line and
      // separator left out.
      String[] authored = {
        StandardCorpus.MBOX_MESSAGE_1, StandardCorpus.MBOX_MESSAGE_2, StandardCorpus.MBOX_MESSAGE_3
      };
      for (int i = 0; i < 3; i++) {
        Item message = mail.get("archive.mbox#" + corpus.mboxOffsets[i]);
        byte[] bytes = authored[i].getBytes(StandardCharsets.UTF_8);
        assertThat(message.getSha256()).as("message %d", i + 1).isEqualTo(Evidence.sha256(bytes));
        assertThat(message.getSize()).isEqualTo(bytes.length);
        assertThat(message.isIndexed()).isTrue();
      }
      assertThat(mail.get("archive.mbox#" + corpus.mboxOffsets[1]).getSubject())
          .isEqualTo("Plan update");

      Item forecast = mail.get("inbox/2023-03-14-forecast.eml");
      assertThat(forecast.getSubject()).isEqualTo("Quarterly forecast");
      assertThat(forecast.getFrom()).contains("adele@contoso.com");
      assertThat(forecast.getTo()).contains("megan@contoso.com");
      assertThat(forecast.getCc()).contains("lee@contoso.com");
      assertThat(forecast.getSentDateTime()).isEqualTo(Instant.parse("2023-03-14T10:15:00Z"));
      assertThat(forecast.getMessageId()).isEqualTo("<q1@contoso.com>");
      assertThat(forecast.getAttachmentCount()).isZero();
      assertThat(forecast.getLastOperationId()).isEqualTo(operationId);
      byte[] forecastBytes =
          Files.readAllBytes(corpus.mailboxFolder.resolve("inbox/2023-03-14-forecast.eml"));
      assertThat(forecast.getSha256()).isEqualTo(Evidence.sha256(forecastBytes));
      assertThat(forecast.getSize()).isEqualTo(forecastBytes.length);
      assertThat(mail.get("inbox/2023-03-15-shipment.eml").getAttachmentCount()).isEqualTo(1);
      assertThat(mail.get("sent/2023-03-16-contract.eml").getAttachmentCount()).isEqualTo(1);

      Map<String, Item> docs = byLocation(h.items.listInSource(corpus.site.getId(), 0, 100));
      assertThat(docs)
          .containsOnlyKeys("broken.pdf", "contracts/locked.pdf", "memo.txt", "report.pdf");
      assertThat(docs.get("report.pdf").isIndexed()).isTrue();
      assertThat(docs.get("report.pdf").getContentType()).isEqualTo("application/pdf");
      assertThat(docs.get("broken.pdf").isIndexed()).isFalse();
      assertThat(docs.get("broken.pdf").getUnindexedReason()).startsWith("corrupt: ");
      assertThat(docs.get("contracts/locked.pdf").isIndexed()).isFalse();
      assertThat(docs.get("contracts/locked.pdf").getUnindexedReason()).startsWith("encrypted: ");
      // The same two, with their reasons, among the operation's failed items.
      assertThat(
              h.weld
                  .select(ItemFailureRepository.class)
                  .get()
                  .list(operationId, ListQuery.page(0, 10)))
          .extracting(
              ItemFailure::getStep,
              f -> f.getItem().substring(f.getItem().indexOf(": ") + 2),
              f -> f.getReason().substring(0, f.getReason().indexOf(':', 13)))
          .containsExactlyInAnyOrder(
              tuple("indexEvidence", "broken.pdf", "not indexed: corrupt"),
              tuple("indexEvidence", "contracts/locked.pdf", "not indexed: encrypted"));

      try (DirectoryReader reader = h.openIndex(caseId)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertThat(reader.numDocs()).isEqualTo(8);
        Document walrus = only(searcher, new TermQuery(new Term(IndexFields.CONTENT, "walrus")));
        assertThat(walrus.get(IndexFields.LOCATION))
            .isEqualTo("archive.mbox#" + corpus.mboxOffsets[2]);
        assertThat(walrus.get(IndexFields.KIND)).isEqualTo(IndexFields.KIND_EMAIL);
        Document budget = only(searcher, new TermQuery(new Term(IndexFields.CONTENT, "budget")));
        assertThat(budget.get(IndexFields.LOCATION)).isEqualTo("archive.mbox#0");
        assertThat(
                only(searcher, new TermQuery(new Term(IndexFields.CONTENT, "changes")))
                    .get(IndexFields.SUBJECT))
            .isEqualTo("Plan update");
        // Attachments' text counts with their message.
        assertThat(
                only(searcher, new TermQuery(new Term(IndexFields.CONTENT, "pineapple")))
                    .get(IndexFields.ID))
            .isEqualTo(mail.get("inbox/2023-03-15-shipment.eml").getId());
        assertThat(
                only(searcher, new TermQuery(new Term(IndexFields.CONTENT, "zeppelin")))
                    .get(IndexFields.ID))
            .isEqualTo(mail.get("sent/2023-03-16-contract.eml").getId());
        Document merger = only(searcher, new TermQuery(new Term(IndexFields.CONTENT, "merger")));
        assertThat(merger.get(IndexFields.KIND)).isEqualTo(IndexFields.KIND_DOCS);
        assertThat(merger.get(IndexFields.FILETYPE)).isEqualTo("pdf");
        assertThat(searcher.count(new TermQuery(new Term(IndexFields.CONTENT, "classified"))))
            .isZero();
        assertThat(searcher.count(new TermQuery(new Term(IndexFields.PARTICIPANTS, "lee"))))
            .isEqualTo(2);
        Query march14 =
            LongPoint.newRangeQuery(
                IndexFields.SENT,
                Instant.parse("2023-03-14T00:00:00Z").toEpochMilli(),
                Instant.parse("2023-03-14T23:59:59Z").toEpochMilli());
        assertThat(only(searcher, march14).get(IndexFields.ID)).isEqualTo(forecast.getId());
      }

      assertThat(h.custodians.listSourcesOfCase(caseId))
          .extracting(CustodianSource::getLastIndexOperationId)
          .containsOnly(operationId);
      assertThat(
              h.custodians
                  .find(caseId, corpus.adele.getId())
                  .orElseThrow()
                  .getLastIndexOperationId())
          .isEqualTo(operationId);
    }
  }

  @Test
  void reRunsAreIncremental() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      StandardCorpus corpus = new StandardCorpus(h);
      String caseId = corpus.caseId();
      String first = h.submitIndex(caseId, null);
      assertThat(h.awaitOperation(first).getResultInfo().getMessage()).isEqualTo(FULL_RESULT);

      String second = h.submitIndex(caseId, null);
      CaseOperation again = h.awaitOperation(second);
      assertThat(again.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(again.getResultInfo().getCode()).isEqualTo(200);
      assertThat(again.getResultInfo().getMessage())
          .isEqualTo("Indexed 0 items; 10 unchanged; 0 unindexed.");
      assertThat(again.getPercentProgress()).isEqualTo(100);
      assertThat(itemCount(h, caseId)).isEqualTo(10);
      assertThat(h.items.listInSource(corpus.site.getId(), 0, 100))
          .extracting(Item::getLastOperationId)
          .containsOnly(first);
      try (DirectoryReader reader = h.openIndex(caseId)) {
        assertThat(reader.numDocs()).isEqualTo(8);
      }
      assertThat(h.custodians.listSourcesOfCase(caseId))
          .extracting(CustodianSource::getLastIndexOperationId)
          .containsOnly(second);

      Evidence.write(corpus.siteFolder.resolve("memo.txt"), "Plain text memo about giraffes.\n");
      String fourth =
          "From: Adele Vance <adele@contoso.com>\nTo: team@contoso.com\nSubject: Follow-up\n"
              + "Date: Tue, 14 Mar 2023 09:00:00 +0000\nMessage-ID: <m4@contoso.com>\n\nOne more about the okapi.\n";
      Files.writeString(
          corpus.mailboxFolder.resolve("archive.mbox"),
          corpus.mbox + "From adele@contoso.com Tue Mar 14 09:00:00 2023\n" + fourth + "\n");

      String third = h.submitIndex(caseId, null);
      CaseOperation changed = h.awaitOperation(third);
      assertThat(changed.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(changed.getResultInfo().getMessage())
          .isEqualTo("Indexed 2 items; 9 unchanged; 0 unindexed.");
      assertThat(itemCount(h, caseId)).isEqualTo(11);
      Map<String, Item> docs = byLocation(h.items.listInSource(corpus.site.getId(), 0, 100));
      assertThat(docs.get("memo.txt").getLastOperationId()).isEqualTo(third);
      assertThat(docs.get("report.pdf").getLastOperationId()).isEqualTo(first);
      Map<String, Item> mail = byLocation(h.items.listInSource(corpus.mailbox.getId(), 0, 100));
      assertThat(mail.get("archive.mbox#" + corpus.mbox.length()).getSha256())
          .isEqualTo(Evidence.sha256(fourth.getBytes(StandardCharsets.UTF_8)));
      try (DirectoryReader reader = h.openIndex(caseId)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertThat(reader.numDocs()).isEqualTo(9);
        assertThat(searcher.count(new TermQuery(new Term(IndexFields.CONTENT, "zebras")))).isZero();
        assertThat(searcher.count(new TermQuery(new Term(IndexFields.CONTENT, "giraffes"))))
            .isEqualTo(1);
        assertThat(searcher.count(new TermQuery(new Term(IndexFields.CONTENT, "okapi"))))
            .isEqualTo(1);
      }
    }
  }

  @Test
  void messagesMovedByAnEditOfTheirMboxAtTheSourceKeepTheirEntriesAndAreCataloguedOnce()
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      StandardCorpus corpus = new StandardCorpus(h);
      String caseId = corpus.caseId();
      h.awaitOperation(h.submitIndex(caseId, null));
      String mailbox = corpus.mailbox.getId();
      Map<String, Item> before = byLocation(h.items.listInSource(mailbox, 0, 100));
      Item first = before.get("archive.mbox#" + corpus.mboxOffsets[0]);
      Item second = before.get("archive.mbox#" + corpus.mboxOffsets[1]);
      Item third = before.get("archive.mbox#" + corpus.mboxOffsets[2]);

      // At the source, the first message is deleted and a new one is put between the other two:
      // both of them move.
      String part2 =
          corpus.mbox.substring((int) corpus.mboxOffsets[1], (int) corpus.mboxOffsets[2]);
      String part3 = corpus.mbox.substring((int) corpus.mboxOffsets[2]);
      String added =
          "From: Lee Gu <lee@contoso.com>\nTo: team@contoso.com\nSubject: Inserted\n"
              + "Date: Mon, 13 Mar 2023 10:30:00 +0000\nMessage-ID: <m5@contoso.com>\n\n"
              + "A word about the tapir.\n";
      String addedPart = "From lee@contoso.com Mon Mar 13 10:30:00 2023\n" + added + "\n";
      Files.writeString(corpus.mailboxFolder.resolve("archive.mbox"), part2 + addedPart + part3);

      // The run that follows the edit fails in its first chunk, after the entries followed the
      // mbox, and is restarted.
      Properties small = new Properties();
      small.setProperty("itemCount", "2");
      InducedFailures.failSaveOnce(1);
      String again = h.submitIndex(caseId, small);
      long failed = h.awaitExecutionId(again);
      assertThat(h.awaitEnd(failed, again)).isEqualTo(BatchStatus.FAILED);
      long restart = h.jobs.restart(failed, IndexJobHarness.parameters(again, caseId, small));
      assertThat(h.awaitEnd(restart, again)).isEqualTo(BatchStatus.COMPLETED);
      assertThat(h.operations.find(again).orElseThrow().getResultInfo().getMessage())
          .isEqualTo("Indexed 1 item; 9 unchanged; 0 unindexed.");

      List<Item> mail = h.items.listInSource(mailbox, 0, 100);
      Map<String, Item> byId = mail.stream().collect(Collectors.toMap(Item::getId, i -> i));
      // The moved messages keep their ids at their new offsets, each catalogued once.
      assertThat(byId.get(second.getId()).getLocation()).isEqualTo("archive.mbox#0");
      assertThat(byId.get(second.getId()).getSha256()).isEqualTo(second.getSha256());
      assertThat(byId.get(third.getId()).getLocation())
          .isEqualTo("archive.mbox#" + (part2.length() + addedPart.length()));
      assertThat(byId.get(third.getId()).getSha256()).isEqualTo(third.getSha256());
      assertThat(mail.stream().filter(i -> !i.isEarlierVersion()).map(Item::getSha256))
          .doesNotHaveDuplicates();
      Item inserted =
          mail.stream()
              .filter(i -> i.getLocation().equals("archive.mbox#" + part2.length()))
              .findFirst()
              .orElseThrow();
      assertThat(inserted.getSha256())
          .isEqualTo(Evidence.sha256(added.getBytes(StandardCharsets.UTF_8)));
      assertThat(inserted.getId()).isNotIn(first.getId(), second.getId(), third.getId());
      // The deleted message stays catalogued as last indexed, as the earlier item at its offset.
      Item deleted = byId.get(first.getId());
      assertThat(deleted.getSha256()).isEqualTo(first.getSha256());
      assertThat(deleted.getLocation()).isEqualTo("archive.mbox#0");
      assertThat(deleted.isEarlierVersion()).isTrue();
      assertThat(mail).hasSize(7);
      try (DirectoryReader reader = h.openIndex(caseId)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertThat(reader.numDocs()).isEqualTo(9);
        assertThat(searcher.count(new TermQuery(new Term(IndexFields.CONTENT, "tapir"))))
            .isEqualTo(1);
      }

      // Nothing moves or is read again on the next run.
      String third3 = h.submitIndex(caseId, null);
      assertThat(h.awaitOperation(third3).getResultInfo().getMessage())
          .isEqualTo("Indexed 0 items; 10 unchanged; 0 unindexed.");
      assertThat(h.items.listInSource(mailbox, 0, 100))
          .extracting(Item::getId, Item::getLocation)
          .containsExactlyInAnyOrderElementsOf(
              mail.stream().map(i -> tuple(i.getId(), i.getLocation())).toList());
    }
  }

  @Test
  void anIndexInAnOlderFormatIsWrittenAgainWhole() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      StandardCorpus corpus = new StandardCorpus(h);
      String caseId = corpus.caseId();
      assertThat(h.awaitOperation(h.submitIndex(caseId, null)).getResultInfo().getMessage())
          .isEqualTo(FULL_RESULT);
      try (DirectoryReader reader = h.openIndex(caseId)) {
        assertThat(reader.getIndexCommit().getUserData())
            .containsEntry(IndexFields.FORMAT_KEY, IndexFields.FORMAT);
      }

      // An index written before the format was recorded: its commit carries no format.
      CaseIndexes indexes = h.weld.select(CaseIndexes.class).get();
      IndexWriter writer = indexes.writer(caseId);
      writer.setLiveCommitData(Map.<String, String>of().entrySet());
      writer.commit();
      indexes.close(caseId);

      CaseOperation rewritten = h.awaitOperation(h.submitIndex(caseId, null));
      assertThat(rewritten.getResultInfo().getMessage()).isEqualTo(FULL_RESULT);
      try (DirectoryReader reader = h.openIndex(caseId)) {
        assertThat(reader.numDocs()).isEqualTo(8);
        assertThat(reader.getIndexCommit().getUserData())
            .containsEntry(IndexFields.FORMAT_KEY, IndexFields.FORMAT);
      }
      assertThat(itemCount(h, caseId)).isEqualTo(10);

      CaseOperation incremental = h.awaitOperation(h.submitIndex(caseId, null));
      assertThat(incremental.getResultInfo().getMessage())
          .isEqualTo("Indexed 0 items; 10 unchanged; 0 unindexed.");
    }
  }

  @Test
  void aJobThatCannotBeginSaysWhyInTheOperationsResult() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      StandardCorpus corpus = new StandardCorpus(h);
      String otherCase = h.newCase().getId();
      CaseOperation operation =
          CaseOperation.submit(
              corpus.caseId(), CaseAction.index, IdentitySet.user("u1", "Alice"), Instant.now());
      h.operations.add(operation);

      // Started with another case's id, the job fails before its first step.
      long execution =
          h.jobs.start("index", IndexJobHarness.parameters(operation.getId(), otherCase, null));
      assertThat(h.awaitEnd(execution, operation.getId())).isEqualTo(BatchStatus.FAILED);

      CaseOperation after = h.operations.find(operation.getId()).orElseThrow();
      assertThat(after.getStatus()).isEqualTo(CaseOperationStatus.failed);
      assertThat(after.getResultInfo().getMessage())
          .isEqualTo(
              "The index job failed: operation "
                  + operation.getId()
                  + " does not belong to case "
                  + otherCase);
    }
  }

  @Test
  void neverCarriesOutAFinishedOperationAgain() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      StandardCorpus corpus = new StandardCorpus(h);
      String caseId = corpus.caseId();
      String operationId = h.submitIndex(caseId, null);
      CaseOperation done = h.awaitOperation(operationId);

      long again = h.jobs.start("index", IndexJobHarness.parameters(operationId, caseId, null));
      assertThat(h.awaitEnd(again, operationId)).isEqualTo(BatchStatus.FAILED);
      CaseOperation after = h.operations.find(operationId).orElseThrow();
      assertThat(after.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(after.getExecutionId()).isEqualTo(done.getExecutionId());
      assertThat(after.getCompletedDateTime()).isEqualTo(done.getCompletedDateTime());
      assertThat(after.getResultInfo().getMessage()).isEqualTo(FULL_RESULT);
    }
  }

  @Test
  void restartsFromItsCheckpointAfterAFailure() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      StandardCorpus corpus = new StandardCorpus(h);
      String caseId = corpus.caseId();
      Properties small = new Properties();
      small.setProperty("itemCount", "2");
      InducedFailures.failSaveOnce(3);

      String operationId = h.submitIndex(caseId, small);
      long firstExecution = h.awaitExecutionId(operationId);
      assertThat(h.awaitEnd(firstExecution, operationId)).isEqualTo(BatchStatus.FAILED);
      CaseOperation failed = h.operations.find(operationId).orElseThrow();
      assertThat(failed.getStatus()).isEqualTo(CaseOperationStatus.failed);
      assertThat(failed.getResultInfo().getCode()).isEqualTo(500);
      assertThat(failed.getResultInfo().getMessage())
          .isEqualTo("The index job failed: " + InducedFailures.MESSAGE)
          .doesNotContain("\tat ");
      assertThat(failed.getPercentProgress()).isBetween(1, 99);
      assertThat(itemCount(h, caseId)).isEqualTo(4);

      long restart =
          h.jobs.restart(firstExecution, IndexJobHarness.parameters(operationId, caseId, small));
      assertThat(h.awaitEnd(restart, operationId)).isEqualTo(BatchStatus.COMPLETED);
      CaseOperation done = h.operations.find(operationId).orElseThrow();
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getExecutionId()).isEqualTo(restart);
      assertThat(done.getResultInfo().getMessage()).isEqualTo(FULL_RESULT);
      assertThat(done.getPercentProgress()).isEqualTo(100);
      assertThat(OperationJournal.of(operationId))
          .containsExactly("running", "failed", "reopened", "partiallySucceeded");
      assertThat(itemCount(h, caseId)).isEqualTo(10);
      try (DirectoryReader reader = h.openIndex(caseId)) {
        // The failed chunk reached Lucene before the catalog; its documents were replaced, not
        // duplicated.
        IndexSearcher searcher = new IndexSearcher(reader);
        assertThat(reader.numDocs()).isEqualTo(8);
        for (CustodianSource source : List.of(corpus.mailbox, corpus.site)) {
          for (Item item : h.items.listInSource(source.getId(), 0, 100)) {
            assertThat(searcher.count(new TermQuery(new Term(IndexFields.ID, item.getId()))))
                .as(item.getLocation())
                .isEqualTo(item.isIndexed() ? 1 : 0);
          }
        }
      }
    }
  }

  @Test
  void succeedsWhenEverythingCanBeIndexedAndReadsNothingOutsideTheRoot() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      var c = h.newCase();
      var adele = h.newCustodian(c.getId(), "adele@contoso.com");
      var megan = h.newCustodian(c.getId(), "megan@contoso.com");
      CustodianSource mailbox = h.mailbox(adele);
      h.mailbox(megan);
      CustodianSource site = h.site(adele, StandardCorpus.SITE_URL);
      Path mail = h.folderOf(mailbox);
      Evidence.write(
          mail.resolve("a.eml"),
          Evidence.message(
              "a@contoso.com",
              "b@contoso.com",
              null,
              "One",
              "Mon, 13 Mar 2023 09:00:00 +0000",
              "<1@x>",
              "x"));
      Evidence.write(
          mail.resolve("b.eml"),
          Evidence.message(
              "b@contoso.com",
              "a@contoso.com",
              null,
              "Two",
              "Mon, 13 Mar 2023 10:00:00 +0000",
              "<2@x>",
              "y"));
      Path docs = h.folderOf(site);
      Evidence.write(docs.resolve("report.pdf"), Evidence.pdf("Nothing to hide.", null));
      Path outside =
          Evidence.write(h.base.resolve("outside/secret.txt"), "The secret word is aubergine.\n");
      Files.createSymbolicLink(docs.resolve("secret.txt"), outside);
      Files.createSymbolicLink(docs.resolve("escape"), outside.getParent());

      String operationId = h.submitIndex(c.getId(), null);
      CaseOperation done = h.awaitOperation(operationId);
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getPercentProgress()).isEqualTo(100);
      assertThat(done.getResultInfo().getCode()).isEqualTo(200);
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo(
              "Indexed 3 items; 0 unchanged; 0 unindexed. 1 source has nothing to read:"
                  + " mailboxes/megan@contoso.com (folder not found). 2 symbolic links were not followed"
                  + " (folders, dangling, or outside the evidence root).");
      assertThat(h.items.listInSource(site.getId(), 0, 10))
          .extracting(Item::getLocation)
          .containsExactly("report.pdf");
      try (DirectoryReader reader = h.openIndex(c.getId())) {
        assertThat(
                new IndexSearcher(reader)
                    .count(new TermQuery(new Term(IndexFields.CONTENT, "aubergine"))))
            .isZero();
      }
      assertThat(h.custodians.listSourcesOfCase(c.getId()))
          .extracting(CustodianSource::getLastIndexOperationId)
          .containsOnly(operationId);
    }
  }

  @Test
  void recordsItemsLargerThanTheLimitAsUnindexed() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      var c = h.newCase();
      CustodianSource mailbox = h.mailbox(h.newCustodian(c.getId(), "adele@contoso.com"));
      Path mail = h.folderOf(mailbox);
      String big = "word ".repeat(1000);
      Evidence.write(mail.resolve("big.txt"), big);
      Evidence.write(mail.resolve("small.txt"), "small");
      String bigMessage = "Subject: Big\n\n" + big + "\n";
      String smallMessage = "Subject: Small\n\nshort\n";
      Evidence.write(
          mail.resolve("all.mbox"),
          "From a@x Mon Mar 13 09:00:00 2023\n"
              + bigMessage
              + "\nFrom a@x Mon Mar 13 09:01:00 2023\n"
              + smallMessage);
      Properties limit = new Properties();
      limit.setProperty("maxItemBytes", "2048");

      String operationId = h.submitIndex(c.getId(), limit);
      CaseOperation done = h.awaitOperation(operationId);
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo("Indexed 2 items; 0 unchanged; 2 unindexed (2 too large).");
      Map<String, Item> items = byLocation(h.items.listInSource(mailbox.getId(), 0, 10));
      assertThat(items.get("big.txt").getUnindexedReason())
          .isEqualTo("too large: 5,000 bytes is more than the 2,048 bytes one item may have");
      assertThat(items.get("big.txt").getSha256())
          .isEqualTo(Evidence.sha256(big.getBytes(StandardCharsets.UTF_8)));
      assertThat(items.get("all.mbox#0").getSha256())
          .isEqualTo(Evidence.sha256(bigMessage.getBytes(StandardCharsets.UTF_8)));
      assertThat(items.get("all.mbox#0").getSize()).isEqualTo(bigMessage.length());
      assertThat(items.get("all.mbox#0").isIndexed()).isFalse();
      assertThat(items.get("small.txt").isIndexed()).isTrue();
    }
  }

  private static long itemCount(IndexJobHarness h, String caseId) {
    return h.items.statsOfCase(caseId).stream().mapToLong(SourceItemStats::itemCount).sum();
  }

  private static Map<String, Item> byLocation(List<Item> items) {
    return items.stream().collect(Collectors.toMap(Item::getLocation, Function.identity()));
  }

  private static Document only(IndexSearcher searcher, Query query) throws IOException {
    ScoreDoc[] hits = searcher.search(query, 10).scoreDocs;
    assertThat(hits).as("hits of %s", query).hasSize(1);
    return searcher.storedFields().document(hits[0].doc);
  }
}
