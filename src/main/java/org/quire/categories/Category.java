package org.quire.categories;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A named shelf for posts (the seed's Category). Deleting one leaves its posts uncategorised.
 * The mapping states the schema in full (names included): the drift check compares it with the
 * changelog's.
 */
@Entity
@Table(name = "categories", uniqueConstraints = @UniqueConstraint(name = "categories_name_key", columnNames = "name"))
public class Category {

    static final int NAME_MAX_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "name", nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(name = "description", columnDefinition = "text")
    private String description;

    protected Category() {
    }

    public Category(String name, String description) {
        rename(name, description);
    }

    public final void rename(String name, String description) {
        if (name == null || name.isBlank() || name.length() > NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("a category name is 1.." + NAME_MAX_LENGTH + " characters");
        }
        this.name = name;
        this.description = description;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }
}
