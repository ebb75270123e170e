/** JPA implementations of the domain's repositories, in the container's transactions. */
package org.caseops.persistence.jpa;
