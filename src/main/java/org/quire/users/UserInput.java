package org.quire.users;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.quire.platform.InputValidation;
import org.quire.platform.JsonFields;

/** What a client sends to create a user. */
public record UserInput(
        @NotNull @Size(min = 3, max = 50)
        @Pattern(regexp = "[a-z0-9._-]*", message = "may contain only a-z, 0-9, '.', '_' and '-'")
        String username,
        @NotBlank @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
        String email,
        @Size(max = 100) String displayName) {

    private static final Set<String> WRITABLE = Set.of("username", "email", "displayName");

    public static UserInput from(JsonObject json, InputValidation validation) {
        JsonFields fields = JsonFields.of(json, WRITABLE);
        UserInput input = new UserInput(fields.string("username"), strip(fields.string("email")), fields.string("displayName"));
        return validation.check(fields.errors(), input);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
