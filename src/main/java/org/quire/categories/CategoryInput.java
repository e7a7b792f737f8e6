package org.quire.categories;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client may write on a category: the whole of it, on create and on replace. */
@Schema(name = "CategoryInput", description = "What a client writes on a category")
public record CategoryInput(
        @Schema(required = true) @NotBlank @Size(max = Category.NAME_MAX_LENGTH) String name,
        String description) {

    /** A name is trimmed. (Not a compact constructor: see PostInput's.) */
    public CategoryInput(String name, String description) {
        this.name = name == null ? null : name.strip();
        this.description = description;
    }
}
