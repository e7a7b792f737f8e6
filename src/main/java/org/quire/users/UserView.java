package org.quire.users;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as clients see it. */
@JsonbPropertyOrder({"id", "username", "email", "displayName", "createdAt"})
@Schema(name = "UserView", description = "A user")
public record UserView(int id, String username, String email, String displayName,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt) {

    static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getEmail(), user.getDisplayName(), user.getCreatedAt());
    }
}
