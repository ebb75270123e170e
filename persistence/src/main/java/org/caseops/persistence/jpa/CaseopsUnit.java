package org.caseops.persistence.jpa;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The entity manager of the {@code caseops} persistence unit, as {@link EntityManagerProducer}
 * makes it injectable. A qualifier of its own, because Jakarta EE 11 servers (Jakarta Persistence
 * 3.2) also make every persistence unit's entity manager a {@code @Default} bean, which would make
 * an unqualified injection point ambiguous there; with it, the same code runs on EE 10 and EE 11.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface CaseopsUnit {}
