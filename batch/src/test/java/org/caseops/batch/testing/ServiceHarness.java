package org.caseops.batch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.caseops.batch.extraction.Extraction;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Calls the jobs' use-case services directly, without a batch runtime: a fresh H2 database, a Weld
 * container that makes the services and repositories, and the data folder in a temporary folder.
 * Catalog entries and their index documents are written here, from text the test chooses, so a test
 * knows what every query must find.
 */
public final class ServiceHarness implements AutoCloseable {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");

  public final Path base;
  public final TestDatabase db;
  public final WeldContainer weld;
  public final CaseRepository cases;
  public final CustodianRepository custodians;
  public final ItemRepository items;
  public final CaseOperationRepository operations;
  public final SearchRepository searches;
  public final ReviewSetRepository reviewSets;
  public final ReviewTagRepository tags;

  /** The index document written for each item, by item id, to be copied into review-set indexes. */
  private final Map<String, Document> documents = new HashMap<>();

  public ServiceHarness() throws IOException {
    base = Files.createTempDirectory("caseops-services-");
    System.setProperty(CaseopsPaths.DATA_DIR_PROPERTY, base.resolve("data").toString());
    System.setProperty(CaseopsPaths.EVIDENCE_ROOT_PROPERTY, base.resolve("evidence").toString());
    db = TestDatabase.h2();
    SeTransactions.use(db.entityManagerFactory());
    weld = new Weld().initialize();
    cases = bean(CaseRepository.class);
    custodians = bean(CustodianRepository.class);
    items = bean(ItemRepository.class);
    operations = bean(CaseOperationRepository.class);
    searches = bean(SearchRepository.class);
    reviewSets = bean(ReviewSetRepository.class);
    tags = bean(ReviewTagRepository.class);
  }

  /** The bean of the type, as the container makes it for a job. */
  public <T> T bean(Class<T> type) {
    return weld.select(type).get();
  }

  public String newCase() {
    EdiscoveryCase c = EdiscoveryCase.open("Contoso v. Fabrikam", null, null, ALICE, Instant.now());
    cases.add(c);
    return c.getId();
  }

  public Custodian custodian(String caseId, String email) {
    Custodian custodian = Custodian.add(caseId, email, null, Instant.now());
    custodians.add(custodian);
    return custodian;
  }

  public CustodianSource mailbox(Custodian custodian) {
    CustodianSource source =
        CustodianSource.mailbox(
            custodian.getCaseId(),
            custodian.getId(),
            custodian.getEmail(),
            null,
            null,
            Instant.now());
    custodians.addSource(source);
    return source;
  }

  public CustodianSource site(Custodian custodian, String url) {
    CustodianSource source =
        CustodianSource.site(
            custodian.getCaseId(), custodian.getId(), url, null, null, Instant.now());
    custodians.addSource(source);
    return source;
  }

  /**
   * Catalogues an indexed item of the source and adds its document to the case's index: a message
   * from the sender with the subject in a mailbox, a text document named by its location in a site.
   * Its size is the text's length in UTF-8 bytes.
   */
  public Item indexed(
      CustodianSource source, String location, String from, String subject, String text)
      throws IOException {
    boolean email = source.getKind() == SourceKind.USER;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Item item =
        Item.catalogued(
            source.getCaseId(),
            source.getId(),
            location,
            bytes.length,
            Evidence.sha256(bytes),
            null,
            Instant.now());
    Extraction extraction =
        new Extraction(
            true,
            null,
            email ? "message/rfc822" : "text/plain",
            text,
            false,
            email ? null : location,
            email ? subject : null,
            email ? from : null,
            email ? source.getEmail() : null,
            null,
            null,
            email ? Instant.parse("2023-03-01T12:00:00Z") : null,
            email ? "<" + location + "@example.com>" : null,
            0);
    if (email) {
      item.withMessage(
          subject, from, source.getEmail(), null, extraction.sent(), extraction.messageId(), 0);
    } else {
      item.withTitle(location);
    }
    item.withContentType(extraction.contentType()).indexed();
    items.saveAll(List.of(item));
    Document document =
        IndexFields.document(
            item, email, email ? null : location, email ? null : "txt", extraction);
    documents.put(item.getId(), document);
    try (IndexWriter writer = writer(CaseopsPaths.indexDir(source.getCaseId()))) {
      writer.addDocument(document);
    }
    return item;
  }

  /** Catalogues an item of the source that could not be indexed, of the given size. */
  public Item unindexed(CustodianSource source, String location, long size) {
    Item item =
        Item.catalogued(
            source.getCaseId(),
            source.getId(),
            location,
            size,
            Evidence.sha256(location.getBytes(StandardCharsets.UTF_8)),
            null,
            Instant.now());
    item.unindexed("corrupt");
    items.saveAll(List.of(item));
    return item;
  }

  public EdiscoverySearch search(
      String caseId, String kql, Set<DataSourceScopes> scopes, List<String> sourceIds) {
    EdiscoverySearch s =
        EdiscoverySearch.create(
            caseId, "search", null, kql, scopes, sourceIds, List.of(), ALICE, Instant.now());
    searches.add(s);
    return s;
  }

  public EdiscoverySearch searchAll(String caseId, String kql) {
    return search(caseId, kql, Set.of(DataSourceScopes.allCaseCustodians), List.of());
  }

  /** Stores an operation of the action on the target, as the API does before it starts the job. */
  public CaseOperation operation(String caseId, CaseAction action, OperationTarget target) {
    CaseOperation operation = CaseOperation.submit(caseId, action, target, ALICE, Instant.now());
    operations.add(operation);
    return operation;
  }

  public ReviewSet reviewSet(String caseId, String name) {
    ReviewSet r = ReviewSet.create(caseId, name, ALICE, Instant.now());
    reviewSets.add(r);
    return r;
  }

  /** Adds files of the items to the review set, as added by the operation (or by none). */
  public List<ReviewSetItem> files(ReviewSet reviewSet, String operationId, List<Item> of) {
    List<ReviewSetItem> files =
        of.stream()
            .map(
                item ->
                    ReviewSetItem.copyOf(
                        reviewSet.getId(),
                        item,
                        item.getFrom() == null ? IndexFields.KIND_DOCS : IndexFields.KIND_EMAIL,
                        item.getLocation(),
                        operationId,
                        Instant.now()))
            .toList();
    reviewSets.addItems(files);
    return files;
  }

  /**
   * Adds the items' documents to the review set's own index, as the addToReviewSet job leaves them.
   */
  public void reviewSetIndex(ReviewSet reviewSet, List<Item> of) throws IOException {
    try (IndexWriter writer =
        writer(CaseopsPaths.reviewSetIndexDir(reviewSet.getCaseId(), reviewSet.getId()))) {
      for (Item item : of) {
        writer.addDocument(documents.get(item.getId()));
      }
    }
  }

  /** The documents of the review set's index that the KQL query matches. */
  public int reviewSetHits(ReviewSet reviewSet, String kql) throws IOException {
    try (DirectoryReader reader =
        DirectoryReader.open(
            FSDirectory.open(
                CaseopsPaths.reviewSetIndexDir(reviewSet.getCaseId(), reviewSet.getId())))) {
      return new IndexSearcher(reader).count(KqlTranslator.toLucene(kql, null));
    }
  }

  private static IndexWriter writer(Path folder) throws IOException {
    Files.createDirectories(folder);
    IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    return new IndexWriter(FSDirectory.open(folder), config);
  }

  @Override
  public void close() throws IOException {
    try {
      weld.shutdown();
    } finally {
      db.close();
      System.clearProperty(CaseopsPaths.DATA_DIR_PROPERTY);
      System.clearProperty(CaseopsPaths.EVIDENCE_ROOT_PROPERTY);
      try (Stream<Path> files = Files.walk(base)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
