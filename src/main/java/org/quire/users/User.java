package org.quire.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.quire.platform.Clock;

/**
 * Someone who writes posts. Deleting a user deletes their posts (fk_posts_author ON DELETE CASCADE).
 * Email addresses are unique whatever their case: that index (ix_users_email_lower) is on an
 * expression, which JPA cannot state, so the changelog alone holds it.
 */
@Entity
@Table(name = "users", uniqueConstraints = @UniqueConstraint(name = "users_username_key", columnNames = "username"))
public class User {

    static final int USERNAME_MAX_LENGTH = 50;
    static final int EMAIL_MAX_LENGTH = 254;
    static final int DISPLAY_NAME_MAX_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "username", nullable = false, length = USERNAME_MAX_LENGTH, updatable = false)
    private String username;

    @Column(name = "email", nullable = false, length = EMAIL_MAX_LENGTH)
    private String email;

    @Column(name = "display_name", length = DISPLAY_NAME_MAX_LENGTH)
    private String displayName;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = "timestamp with time zone not null")
    private Instant createdAt;

    protected User() {
    }

    public User(String username, String email, String displayName) {
        this.username = username;
        this.email = email;
        this.displayName = displayName;
        this.createdAt = Clock.now();
    }

    public Integer getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
