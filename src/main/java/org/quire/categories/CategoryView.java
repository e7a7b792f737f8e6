package org.quire.categories;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as clients see it. */
@JsonbPropertyOrder({"id", "name", "description"})
@Schema(name = "CategoryView", description = "A category")
public record CategoryView(int id, String name, String description) {

    static CategoryView of(Category category) {
        return new CategoryView(category.getId(), category.getName(), category.getDescription());
    }
}
