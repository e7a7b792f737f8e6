package org.quire.categories;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.quire.platform.InputValidation;
import org.quire.platform.JsonFields;

/** What a client may write on a category: the whole of it, on create and on replace. */
public record CategoryInput(
        @NotBlank @Size(max = 100) String name,
        String description) {

    private static final Set<String> WRITABLE = Set.of("name", "description");

    public static CategoryInput from(JsonObject json, InputValidation validation) {
        JsonFields fields = JsonFields.of(json, WRITABLE);
        String name = fields.string("name");
        CategoryInput input = new CategoryInput(name == null ? null : name.strip(), fields.string("description"));
        return validation.check(fields.errors(), input);
    }
}
