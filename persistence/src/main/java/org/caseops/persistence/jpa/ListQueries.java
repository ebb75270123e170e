package org.caseops.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.caseops.domain.support.EvolvableEnum;
import org.caseops.domain.support.ListQuery;

/**
 * Turns a {@link ListQuery} into a Criteria API query on one entity. Only the properties of the
 * whitelist reach the query, each as the entity attribute it maps to; every value is a bound
 * parameter. Comparisons are two-valued as in OData (a comparison with a missing value is false),
 * so that {@code not} negates exactly. Enumerations order by their numeric value in the Graph
 * schema ({@link EvolvableEnum#value()}, else declaration order). A property may also stand for the
 * first present value of several attributes (as a file's {@code dateTime} is its sent time, else
 * the time it was added): comparisons then test the attribute that supplies the value, and ordering
 * uses {@code COALESCE}.
 */
final class ListQueries<T> {
  private final Class<T> type;
  private final Map<String, String> attributes;
  private final Map<String, List<String>> fallbacks;
  private final List<ListQuery.OrderKey> defaultOrder;

  /**
   * Attributes that the caller's scope fixes to one value, put first in every ORDER BY (see {@link
   * #scopeLeadsOrder}).
   */
  private final List<String> scopeOrder;

  /**
   * @param attributes the property names clients use, mapped to the entity's attribute names
   * @param defaultOrder the order without order keys; {@code id} is always the last key
   */
  ListQueries(
      Class<T> type, Map<String, String> attributes, List<ListQuery.OrderKey> defaultOrder) {
    this(type, attributes, Map.of(), defaultOrder);
  }

  /**
   * @param fallbacks properties whose value is the first non-null one of several attributes, in
   *     that order
   */
  ListQueries(
      Class<T> type,
      Map<String, String> attributes,
      Map<String, List<String>> fallbacks,
      List<ListQuery.OrderKey> defaultOrder) {
    this(type, attributes, fallbacks, defaultOrder, List.of());
  }

  private ListQueries(
      Class<T> type,
      Map<String, String> attributes,
      Map<String, List<String>> fallbacks,
      List<ListQuery.OrderKey> defaultOrder,
      List<String> scopeOrder) {
    this.scopeOrder = List.copyOf(scopeOrder);
    this.type = type;
    this.attributes = Map.copyOf(attributes);
    this.fallbacks = Map.copyOf(fallbacks);
    this.defaultOrder = List.copyOf(defaultOrder);
    for (Map.Entry<String, List<String>> fallback : this.fallbacks.entrySet()) {
      if (fallback.getValue().size() < 2 || this.attributes.containsKey(fallback.getKey())) {
        throw new IllegalArgumentException(
            "'" + fallback.getKey() + "' needs two attributes or more, and one mapping");
      }
    }
  }

  /**
   * The same queries with the given entity attributes, which every caller's scope fixes to one
   * value (a review set's files are always listed within one review set), put first in every ORDER
   * BY. The order is unchanged, but a database can then read an index that starts with those
   * attributes in its own order and stop at the page's end: H2 takes an index's order only when the
   * ORDER BY starts with the index's first column, and otherwise reads and sorts every row of the
   * scope for each page.
   */
  ListQueries<T> scopeLeadsOrder(String... attributes) {
    return new ListQueries<>(type, this.attributes, fallbacks, defaultOrder, List.of(attributes));
  }

  List<T> list(
      EntityManager em, ListQuery query, BiFunction<CriteriaBuilder, Root<T>, Predicate> scope) {
    if (query.limit() == 0) {
      return List.of(); // a maximum of 0 results means no maximum to some providers
    }
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<T> cq = cb.createQuery(type);
    Root<T> root = cq.from(type);
    cq.select(root).where(where(cb, root, query.filter(), scope));
    List<ListQuery.OrderKey> keys =
        new ArrayList<>(query.order().isEmpty() ? defaultOrder : query.order());
    boolean lastDescending = !keys.isEmpty() && keys.get(keys.size() - 1).descending();
    List<Order> orders = new ArrayList<>();
    for (String attribute : scopeOrder) {
      orders.add(cb.asc(root.get(attribute)));
    }
    boolean hasId = false;
    for (ListQuery.OrderKey key : keys) {
      hasId |= key.property().equals("id");
      Expression<?> sortKey = sortKey(cb, root, key.property());
      orders.add(key.descending() ? cb.desc(sortKey) : cb.asc(sortKey));
    }
    if (!hasId) {
      Path<Object> id = root.get("id");
      orders.add(lastDescending ? cb.desc(id) : cb.asc(id));
    }
    cq.orderBy(orders);
    return em.createQuery(cq)
        .setFirstResult(query.offset())
        .setMaxResults(query.limit())
        .getResultList();
  }

  long count(
      EntityManager em,
      ListQuery.Condition filter,
      BiFunction<CriteriaBuilder, Root<T>, Predicate> scope) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
    Root<T> root = cq.from(type);
    cq.select(cb.count(root)).where(where(cb, root, filter, scope));
    return em.createQuery(cq).getSingleResult();
  }

  private Predicate where(
      CriteriaBuilder cb,
      Root<T> root,
      ListQuery.Condition filter,
      BiFunction<CriteriaBuilder, Root<T>, Predicate> scope) {
    Predicate scoped = scope == null ? cb.conjunction() : scope.apply(cb, root);
    return filter == null ? scoped : cb.and(scoped, predicate(cb, root, filter));
  }

  private Path<Object> path(Root<T> root, String property) {
    String attribute = attributes.get(property);
    if (attribute == null) {
      throw new IllegalArgumentException("'" + property + "' cannot be filtered or ordered by");
    }
    return root.get(attribute);
  }

  private Predicate predicate(CriteriaBuilder cb, Root<T> root, ListQuery.Condition condition) {
    if (condition instanceof ListQuery.And and) {
      return cb.and(predicate(cb, root, and.left()), predicate(cb, root, and.right()));
    }
    if (condition instanceof ListQuery.Or or) {
      return cb.or(predicate(cb, root, or.left()), predicate(cb, root, or.right()));
    }
    if (condition instanceof ListQuery.Not not) {
      return cb.not(predicate(cb, root, not.operand()));
    }
    if (condition instanceof ListQuery.In in) {
      List<String> chain = fallbacks.get(in.property());
      return chain == null
          ? in(cb, path(root, in.property()), in)
          : firstPresent(cb, root, chain, p -> in(cb, p, in));
    }
    ListQuery.Comparison comparison = (ListQuery.Comparison) condition;
    List<String> chain = fallbacks.get(comparison.property());
    if (chain == null) {
      return comparison(cb, path(root, comparison.property()), comparison);
    }
    if (comparison.value() == null) {
      Predicate allMissing =
          cb.and(chain.stream().map(a -> cb.isNull(root.get(a))).toArray(Predicate[]::new));
      return comparison.operator() == ListQuery.Operator.EQ ? allMissing : cb.not(allMissing);
    }
    if (comparison.operator() == ListQuery.Operator.NE) {
      ListQuery.Comparison equal =
          new ListQuery.Comparison(
              comparison.property(), ListQuery.Operator.EQ, comparison.value());
      return cb.not(firstPresent(cb, root, chain, p -> comparison(cb, p, equal)));
    }
    return firstPresent(cb, root, chain, p -> comparison(cb, p, comparison));
  }

  /**
   * The test applied to the first present attribute of the chain: for each attribute, the ones
   * before it are null and the test holds on it. The test must be false on a null value.
   */
  private static <T> Predicate firstPresent(
      CriteriaBuilder cb,
      Root<T> root,
      List<String> chain,
      Function<Path<Object>, Predicate> test) {
    List<Predicate> cases = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      List<Predicate> parts = new ArrayList<>();
      for (String before : chain.subList(0, i)) {
        parts.add(cb.isNull(root.get(before)));
      }
      parts.add(test.apply(root.get(chain.get(i))));
      cases.add(cb.and(parts.toArray(Predicate[]::new)));
    }
    return cb.or(cases.toArray(Predicate[]::new));
  }

  private static Predicate in(CriteriaBuilder cb, Path<Object> path, ListQuery.In in) {
    if (in.values().isEmpty()) {
      return cb.disjunction();
    }
    for (Object value : in.values()) {
      checkType(path, value);
    }
    return cb.and(cb.isNotNull(path), path.in(in.values()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Predicate comparison(
      CriteriaBuilder cb, Path<Object> path, ListQuery.Comparison comparison) {
    Object value = comparison.value();
    if (value == null) {
      return comparison.operator() == ListQuery.Operator.EQ ? cb.isNull(path) : cb.isNotNull(path);
    }
    Object bound = checkType(path, value);
    Expression<Comparable> comparable = (Expression<Comparable>) (Expression<?>) path;
    Comparable literal = (Comparable) bound;
    return switch (comparison.operator()) {
      case EQ -> cb.and(cb.isNotNull(path), cb.equal(path, bound));
      case NE -> cb.or(cb.isNull(path), cb.notEqual(path, bound));
      case GT -> cb.and(cb.isNotNull(path), cb.greaterThan(comparable, literal));
      case GE -> cb.and(cb.isNotNull(path), cb.greaterThanOrEqualTo(comparable, literal));
      case LT -> cb.and(cb.isNotNull(path), cb.lessThan(comparable, literal));
      case LE -> cb.and(cb.isNotNull(path), cb.lessThanOrEqualTo(comparable, literal));
    };
  }

  /** The value as the attribute's Java type; refuses a value of another type. */
  private static Object checkType(Path<Object> path, Object value) {
    Class<?> javaType = path.getJavaType();
    if ((javaType == int.class || javaType == Integer.class) && value instanceof Long number) {
      return Math.toIntExact(number);
    }
    if ((javaType == long.class || javaType == Long.class) && value instanceof Long) {
      return value;
    }
    if (javaType == boolean.class && value instanceof Boolean) {
      return value;
    }
    if (!javaType.isInstance(value)) {
      throw new IllegalArgumentException(
          "a "
              + value.getClass().getSimpleName()
              + " cannot be compared with "
              + javaType.getSimpleName());
    }
    return value;
  }

  private Expression<?> sortKey(CriteriaBuilder cb, Root<T> root, String property) {
    List<String> chain = fallbacks.get(property);
    if (chain == null) {
      return sortKey(cb, path(root, property));
    }
    CriteriaBuilder.Coalesce<Object> first = cb.coalesce();
    for (String attribute : chain) {
      first.value(root.get(attribute));
    }
    return first;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Expression<?> sortKey(CriteriaBuilder cb, Path<Object> path) {
    Class<?> javaType = path.getJavaType();
    if (!javaType.isEnum()) {
      return path;
    }
    CriteriaBuilder.Case<Integer> byValue = cb.selectCase();
    for (Object member : javaType.getEnumConstants()) {
      int value =
          member instanceof EvolvableEnum evolvable ? evolvable.value() : ((Enum) member).ordinal();
      byValue.when(cb.equal(path, member), cb.literal(value));
    }
    return byValue.otherwise(cb.literal(-1));
  }
}
