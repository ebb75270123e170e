package org.caseops.domain.items;

/** An item's id and whether it could be indexed: what a reader paging the catalog by id needs. */
public record ItemKey(String id, boolean indexed) {}
