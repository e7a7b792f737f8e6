package org.quire.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.quire.platform.Page;
import org.quire.platform.PageRequest;
import org.quire.platform.ProblemException;
import org.quire.platform.ViolatedConstraint;

/** Users: unique usernames and (case-insensitively) unique email addresses. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final String EMAIL_INDEX = "ix_users_email_lower";

    @PersistenceContext(unitName = "quire")
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserView> list(PageRequest request) {
        return Page.fetch(em.createQuery("SELECT COUNT(u) FROM User u", Long.class),
                em.createQuery("SELECT u FROM User u ORDER BY u.username, u.id", User.class), request).map(UserView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(int id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw notFound(id);
        }
        return UserView.of(user);
    }

    public UserView create(UserInput input) {
        User user = new User(input.username(), input.email(), input.displayName());
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            String constraint = ViolatedConstraint.unique(e).orElseThrow(() -> e);
            if (EMAIL_INDEX.equals(constraint)) {
                throw ProblemException.conflict("email", "a user with this email address already exists");
            }
            throw ProblemException.conflict("username", "the username '" + input.username() + "' is taken");
        }
        return UserView.of(user);
    }

    /** The user's posts go with them: the foreign key is ON DELETE CASCADE. */
    public void delete(int id) {
        int deleted = em.createQuery("DELETE FROM User u WHERE u.id = :id").setParameter("id", id).executeUpdate();
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(int id) {
        return ProblemException.notFound("No user with id " + id + ".");
    }
}
