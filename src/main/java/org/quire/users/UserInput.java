package org.quire.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create a user. */
@Schema(name = "UserInput", description = "What a client sends to create a user")
public record UserInput(
        @Schema(required = true) @NotNull @Size(min = 3, max = User.USERNAME_MAX_LENGTH)
        @Pattern(regexp = "[a-z0-9._-]*", message = "may contain only a-z, 0-9, '.', '_' and '-'")
        String username,
        @Schema(required = true) @NotBlank @Size(max = User.EMAIL_MAX_LENGTH)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
        String email,
        @Size(max = User.DISPLAY_NAME_MAX_LENGTH) String displayName) {

    /** An email address is trimmed. (Not a compact constructor: see PostInput's.) */
    public UserInput(String username, String email, String displayName) {
        this.username = username;
        this.email = email == null ? null : email.strip();
        this.displayName = displayName;
    }
}
