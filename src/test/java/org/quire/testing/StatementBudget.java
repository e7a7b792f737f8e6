package org.quire.testing;

/**
 * How many SQL statements each kind of request may run, whatever the data: the one place the
 * budgets are written down (docs/performance.md explains them). A request that needs more has
 * grown an N+1 or lost an index-only path; one that needs fewer should lower its budget here.
 */
public enum StatementBudget {

    /** One row by its key or its slug: one SELECT. */
    READ_ONE(1),
    /** A page of a list with no search: the total (a running total for posts), then the page. */
    LIST_PAGE(2),
    /** A page of a category's posts: the category exists, the total, the page. */
    CATEGORY_POSTS_PAGE(3),
    /** A search: the matching ids (at most 1,000, which are also the total), then the page's rows. */
    SEARCH_PAGE(2),
    /** A post whose slug comes from its title: is that slug free, then INSERT ... RETURNING the id. */
    CREATE_POST_WITH_DERIVED_SLUG(2),
    /** Any other create: INSERT ... RETURNING the id (unique indexes judge names and slugs). */
    CREATE(1),
    /** A replace or a merge patch: the row locked (SELECT ... FOR UPDATE), UPDATE. */
    UPDATE(2),
    /** A post's delete: the row locked to check its version, DELETE. */
    DELETE_POST(2),
    /** A category's or a user's delete: one DELETE (the database says whether it existed). */
    DELETE(1);

    public final int statements;

    StatementBudget(int statements) {
        this.statements = statements;
    }
}
