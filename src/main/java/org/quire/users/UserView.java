package org.quire.users;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A user as clients see it. */
@JsonbPropertyOrder({"id", "username", "email", "displayName", "createdAt"})
public record UserView(int id, String username, String email, String displayName, Instant createdAt) {

    static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getEmail(), user.getDisplayName(), user.getCreatedAt());
    }
}
