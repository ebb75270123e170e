package org.caseops.api.searches;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseops.api.errors.GraphError;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.odata.Refs;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.OperationService;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.NoncustodialDataSource;
import org.caseops.domain.custodians.NoncustodialSourceRepository;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * Creates, reads, changes and deletes searches, reads their bound sources and last estimate, and
 * starts estimateStatistics, exportReport and exportResult on them. A bound source must be a
 * userSource or siteSource of a custodian of the same case.
 */
@Dependent
public class SearchService {
  private final ResourceLookups lookups;
  private final SearchRepository searches;
  private final CustodianRepository custodians;
  private final CaseOperationRepository operations;
  private final OperationService operationService;
  private final Clock clock;

  // Injected apart from the constructor: tests that build this service leave it out.
  @Inject NoncustodialSourceRepository noncustodial;

  @Inject
  public SearchService(
      ResourceLookups lookups,
      SearchRepository searches,
      CustodianRepository custodians,
      CaseOperationRepository operations,
      OperationService operationService,
      Clock clock) {
    this.lookups = lookups;
    this.searches = searches;
    this.custodians = custodians;
    this.operations = operations;
    this.operationService = operationService;
    this.clock = clock;
  }

  /**
   * @throws InvalidRequestException 400 {@code invalidRequest} naming a bound URL that is not a
   *     source of the case's custodians
   */
  public EdiscoverySearch create(String caseId, SearchRequests.NewSearch request, IdentitySet by) {
    lookups.cases().requireCase(caseId);
    Set<String> custodianSources =
        sourceIds(caseId, SearchRequests.CUSTODIAN_SOURCES, request.custodianSourceUrls());
    Set<String> additionalSources =
        sourceIds(caseId, SearchRequests.ADDITIONAL_SOURCES, request.additionalSourceUrls());
    EdiscoverySearch search =
        EdiscoverySearch.create(
            caseId,
            request.displayName(),
            request.description(),
            request.contentQuery(),
            request.scopes(),
            custodianSources,
            additionalSources,
            by,
            now());
    search.bindNoncustodialSources(noncustodialIds(caseId, request.noncustodialSourceUrls()));
    searches.add(search);
    return search;
  }

  /**
   * The ids of the sources the URLs name, each checked to be a source of a custodian of the case.
   */
  Set<String> sourceIds(String caseId, String property, List<String> urls) {
    Set<String> ids = new LinkedHashSet<>();
    for (String url : urls) {
      ids.add(sourceOf(caseId, property, url).getId());
    }
    return ids;
  }

  private CustodianSource sourceOf(String caseId, String property, String url) {
    List<String> segments = Refs.segments(property, url);
    int at = segments.indexOf("custodians");
    boolean shaped =
        at >= 0
            && segments.size() == at + 4
            && (segments.get(at + 2).equals("userSources")
                || segments.get(at + 2).equals("siteSources"))
            && (at == 0 || sameCase(segments.subList(0, at), caseId));
    if (!shaped) {
      throw new InvalidRequestException(
          "The '"
              + property
              + "' value '"
              + GraphError.clip(url)
              + "' is not the URL of a userSource or siteSource"
              + " of a custodian of case '"
              + caseId
              + "' (.../ediscoveryCases/"
              + caseId
              + "/custodians/{id}/userSources/{id} or .../siteSources/{id}).");
    }
    SourceKind kind =
        segments.get(at + 2).equals("userSources") ? SourceKind.USER : SourceKind.SITE;
    String custodianId = segments.get(at + 1).toLowerCase(Locale.ROOT);
    String sourceId = segments.get(at + 3).toLowerCase(Locale.ROOT);
    return custodians
        .findSource(caseId, custodianId, kind, sourceId)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "The '"
                        + property
                        + "' value '"
                        + GraphError.clip(url)
                        + "' names no existing "
                        + (kind == SourceKind.USER ? "userSource" : "siteSource")
                        + " of a custodian of case '"
                        + caseId
                        + "'."));
  }

  /**
   * The ids of the non-custodial data sources the URLs name ({@code
   * .../ediscoveryCases/{caseId}/noncustodialDataSources/{id}}), each checked to be the case's.
   */
  private Set<String> noncustodialIds(String caseId, List<String> urls) {
    Set<String> ids = new LinkedHashSet<>();
    String property = SearchRequests.NONCUSTODIAL_SOURCES;
    for (String url : urls) {
      List<String> segments = Refs.segments(property, url);
      int at = segments.indexOf("noncustodialDataSources");
      boolean shaped =
          at >= 0
              && segments.size() == at + 2
              && (at == 0 || sameCase(segments.subList(0, at), caseId));
      if (!shaped) {
        throw new InvalidRequestException(
            "The '"
                + property
                + "' value '"
                + GraphError.clip(url)
                + "' is not the URL of a non-custodial data source of case '"
                + caseId
                + "' (.../ediscoveryCases/"
                + caseId
                + "/noncustodialDataSources/{id}).");
      }
      String id = segments.get(at + 1).toLowerCase(Locale.ROOT);
      if (noncustodial == null || noncustodial.find(caseId, id).isEmpty()) {
        throw new InvalidRequestException(
            "The '"
                + property
                + "' value '"
                + GraphError.clip(url)
                + "' names no existing non-custodial data source of case '"
                + caseId
                + "'.");
      }
      ids.add(id);
    }
    return ids;
  }

  /** A page of the non-custodial data sources bound to the search; 404 for another case's. */
  public List<NoncustodialDataSource> noncustodialSources(
      String caseId, String searchId, ListQuery query) {
    Set<String> bound = lookups.findSearch(caseId, searchId).getNoncustodialSourceIds();
    List<NoncustodialDataSource> all =
        noncustodial == null
            ? List.of()
            : noncustodial.list(caseId, ListQuery.page(0, Integer.MAX_VALUE)).stream()
                .filter(n -> bound.contains(n.getId()))
                .toList();
    int from = (int) Math.min(all.size(), Math.max(0, query.offset()));
    int to = (int) Math.min(all.size(), (long) from + query.limit());
    return all.subList(from, to);
  }

  public long countNoncustodialSources(String caseId, String searchId) {
    return lookups.findSearch(caseId, searchId).getNoncustodialSourceIds().size();
  }

  private static boolean sameCase(List<String> prefix, String caseId) {
    return prefix.size() == 4
        && prefix.get(0).equals("security")
        && prefix.get(1).equals("cases")
        && prefix.get(2).equals("ediscoveryCases")
        && prefix.get(3).equalsIgnoreCase(caseId);
  }

  public EdiscoverySearch get(String caseId, String searchId) {
    return lookups.findSearch(caseId, searchId);
  }

  public List<EdiscoverySearch> list(String caseId, ListQuery query) {
    lookups.cases().requireCase(caseId);
    return searches.list(caseId, query);
  }

  public long count(String caseId, ListQuery.Condition filter) {
    return searches.count(caseId, filter);
  }

  public EdiscoverySearch update(
      String caseId, String searchId, SearchRequests.SearchChanges changes, IdentitySet by) {
    EdiscoverySearch search = lookups.findSearch(caseId, searchId);
    if (changes.displayName() != null) {
      search.rename(changes.displayName());
    }
    if (changes.descriptionGiven()) {
      search.describe(changes.description());
    }
    if (changes.contentQuery() != null) {
      search.query(changes.contentQuery());
    }
    if (changes.scopes() != null) {
      search.scope(changes.scopes());
    }
    search.modified(by, now());
    return searches.update(search);
  }

  public void delete(String caseId, String searchId) {
    lookups.findSearch(caseId, searchId);
    searches.delete(caseId, searchId);
  }

  /** A page of the custodian sources bound to the search; 404 when the search is not the case's. */
  public List<CustodianSource> custodianSources(String caseId, String searchId, ListQuery query) {
    return custodians.listSourcesIn(
        caseId, lookups.findSearch(caseId, searchId).getCustodianSourceIds(), query);
  }

  public long countCustodianSources(String caseId, String searchId, ListQuery.Condition filter) {
    return custodians.countSourcesIn(
        caseId, lookups.findSearch(caseId, searchId).getCustodianSourceIds(), filter);
  }

  /**
   * A page of the additional sources bound to the search; 404 when the search is not the case's.
   */
  public List<CustodianSource> additionalSources(String caseId, String searchId, ListQuery query) {
    return custodians.listSourcesIn(
        caseId, lookups.findSearch(caseId, searchId).getAdditionalSourceIds(), query);
  }

  public long countAdditionalSources(String caseId, String searchId, ListQuery.Condition filter) {
    return custodians.countSourcesIn(
        caseId, lookups.findSearch(caseId, searchId).getAdditionalSourceIds(), filter);
  }

  /** The custodian sources bound to the search, oldest first. */
  public List<CustodianSource> custodianSources(String caseId, String searchId) {
    return custodianSources(caseId, searchId, ListQuery.page(0, Integer.MAX_VALUE));
  }

  /** The additional sources bound to the search, oldest first. */
  public List<CustodianSource> additionalSources(String caseId, String searchId) {
    return additionalSources(caseId, searchId, ListQuery.page(0, Integer.MAX_VALUE));
  }

  /** The estimateStatistics operation that last ran the search; 404 when none has. */
  public CaseOperation lastEstimate(String caseId, String searchId) {
    EdiscoverySearch search = lookups.findSearch(caseId, searchId);
    String operationId = search.getLastEstimateOperationId();
    if (operationId == null) {
      throw new ResourceNotFoundException(
          "No estimateStatistics operation has run search '"
              + searchId
              + "', so it has no lastEstimateStatisticsOperation.");
    }
    return operations
        .find(caseId, operationId)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "The lastEstimateStatisticsOperation '"
                        + operationId
                        + "' of search '"
                        + searchId
                        + "' no longer exists."));
  }

  /** Starts estimateStatistics on the search the URL names. */
  public CaseOperation estimate(
      String caseId, String searchId, OperationRequest parameters, IdentitySet by) {
    EdiscoverySearch search = lookups.findSearch(caseId, searchId);
    return operationService.submit(
        caseId,
        CaseAction.estimateStatistics,
        OperationTarget.search(search.getId(), parameters.options()),
        by);
  }

  /** Starts purgeData on the search the URL names, with the purge's parameters. */
  public CaseOperation purge(
      String caseId, String searchId, OperationRequest parameters, IdentitySet by) {
    EdiscoverySearch search = lookups.findSearch(caseId, searchId);
    return operationService.submit(
        caseId,
        CaseAction.purgeData,
        OperationTarget.search(search.getId(), parameters.options()),
        parameters.parameters(),
        by);
  }

  /** Starts a search export (exportReport or exportResult) on the search the URL names. */
  public CaseOperation export(
      String caseId,
      String searchId,
      CaseAction action,
      OperationRequest parameters,
      IdentitySet by) {
    EdiscoverySearch search = lookups.findSearch(caseId, searchId);
    return operationService.submit(
        caseId,
        action,
        OperationTarget.search(search.getId(), parameters.options()),
        parameters.parameters(),
        by);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
