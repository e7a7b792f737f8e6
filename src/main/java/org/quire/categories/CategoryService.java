package org.quire.categories;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.quire.platform.Page;
import org.quire.platform.PageRequest;
import org.quire.platform.ProblemException;
import org.quire.platform.ViolatedConstraint;

/** Categories: their rules and transactions. Names are unique; the database is the judge of that. */
@ApplicationScoped
@Transactional
public class CategoryService {

    @PersistenceContext(unitName = "quire")
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CategoryView> list(PageRequest request) {
        return Page.fetch(em.createQuery("SELECT COUNT(c) FROM Category c", Long.class),
                em.createQuery("SELECT c FROM Category c ORDER BY c.name, c.id", Category.class), request).map(CategoryView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CategoryView get(int id) {
        return CategoryView.of(require(id));
    }

    public CategoryView create(CategoryInput input) {
        Category category = new Category(input.name(), input.description());
        em.persist(category);
        flushNameChange(input);
        return CategoryView.of(category);
    }

    public CategoryView replace(int id, CategoryInput input) {
        Category category = require(id);
        category.rename(input.name(), input.description());
        flushNameChange(input);
        return CategoryView.of(category);
    }

    /** Posts of the category stay, uncategorised: the foreign key is ON DELETE SET NULL. */
    public void delete(int id) {
        int deleted = em.createQuery("DELETE FROM Category c WHERE c.id = :id").setParameter("id", id).executeUpdate();
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    private Category require(int id) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw notFound(id);
        }
        return category;
    }

    private void flushNameChange(CategoryInput input) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (ViolatedConstraint.unique(e).isPresent()) {
                throw ProblemException.conflict("name", "a category named '" + input.name() + "' already exists");
            }
            throw e;
        }
    }

    private static ProblemException notFound(int id) {
        return ProblemException.notFound("No category with id " + id + ".");
    }
}
