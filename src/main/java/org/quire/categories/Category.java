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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "description", columnDefinition = "text")
    private String description;

    protected Category() {
    }

    public Category(String name, String description) {
        rename(name, description);
    }

    public final void rename(String name, String description) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a category name is 1..100 characters");
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
